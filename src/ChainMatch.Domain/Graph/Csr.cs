namespace ChainMatch.Domain.Graph;

/// <summary>Compressed sparse rows: for each owner, the indexes of the items that belong to it.</summary>
internal readonly struct Csr
{
    readonly int[] _offsets;
    readonly int[] _items;

    Csr(int[] offsets, int[] items) { _offsets = offsets; _items = items; }

    /// <summary>Groups items by owner; with <paramref name="skipNegative"/>, an item whose owner is -1 belongs to none.</summary>
    public static Csr Build(int owners, int[] ownerOfItem, bool skipNegative = false)
    {
        var offsets = new int[owners + 1];
        foreach (var o in ownerOfItem)
            if (o >= 0 || !skipNegative) offsets[o + 1]++;
        for (var i = 0; i < owners; i++) offsets[i + 1] += offsets[i];
        var items = new int[offsets[owners]];
        var next = offsets[..^1].ToArray();
        for (var item = 0; item < ownerOfItem.Length; item++)
            if (ownerOfItem[item] >= 0 || !skipNegative) items[next[ownerOfItem[item]]++] = item;
        return new Csr(offsets, items);
    }

    /// <summary>
    /// This grouping with the items from <paramref name="firstNew"/> on added (each last among its owner's, where
    /// <see cref="Build"/> puts it) and the owners grown to <paramref name="owners"/>: a few copies of the item array
    /// instead of a new grouping, for the handful of rows a write adds.
    /// </summary>
    public Csr Extend(int owners, int[] ownerOfItem, int firstNew)
    {
        var added = ownerOfItem.Length - firstNew;
        if (added > 64) return Build(owners, ownerOfItem);
        var newItems = new SortedDictionary<int, List<int>>();
        for (var item = firstNew; item < ownerOfItem.Length; item++)
        {
            if (!newItems.TryGetValue(ownerOfItem[item], out var list)) newItems[ownerOfItem[item]] = list = [];
            list.Add(item);
        }
        var stored = _offsets;
        int OldOffset(int owner) => owner < stored.Length ? stored[owner] : stored[^1];
        var offsets = new int[owners + 1];
        var items = added == 0 ? _items : new int[_items.Length + added];
        var (o, copied, shift) = (0, 0, 0);
        foreach (var (owner, mine) in newItems)
        {
            for (; o <= owner; o++) offsets[o] = OldOffset(o) + shift;
            var end = OldOffset(owner + 1);
            Array.Copy(_items, copied, items, copied + shift, end - copied);
            copied = end;
            foreach (var item in mine) items[copied + shift++] = item;
        }
        for (; o <= owners; o++) offsets[o] = OldOffset(o) + shift;
        if (added > 0) Array.Copy(_items, copied, items, copied + shift, _items.Length - copied);
        return new Csr(offsets, items);
    }

    public ReadOnlySpan<int> Span(int owner) => _items.AsSpan(_offsets[owner], _offsets[owner + 1] - _offsets[owner]);

    public IEnumerable<int> Items(int owner)
    {
        for (var i = _offsets[owner]; i < _offsets[owner + 1]; i++) yield return _items[i];
    }
}
