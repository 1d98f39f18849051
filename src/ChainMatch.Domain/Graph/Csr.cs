namespace ChainMatch.Domain.Graph;

/// <summary>
/// Compressed sparse rows: for each owner, the indexes of the items that belong to it. A grouping extended by a write
/// shares the arrays it was built with and keeps the owners that gained items apart (<see cref="Extend"/>).
/// </summary>
internal readonly struct Csr
{
    // Past this many owners kept apart, an extension builds the grouping afresh: the owners' lists would cost more.
    const int MostExtendedOwners = 1024;

    readonly int[] _offsets;
    readonly int[] _items;
    readonly int _owners;
    // Owners that gained items since the arrays were built: all their items, the built ones first; null when none.
    readonly Dictionary<int, int[]>? _extended;

    Csr(int[] offsets, int[] items, int owners, Dictionary<int, int[]>? extended)
    {
        _offsets = offsets;
        _items = items;
        _owners = owners;
        _extended = extended;
    }

    /// <summary>Groups items by owner; with <paramref name="skipNegative"/>, an item whose owner is -1 belongs to none.</summary>
    public static Csr Build(int owners, ReadOnlySpan<int> ownerOfItem, bool skipNegative = false)
    {
        var offsets = new int[owners + 1];
        foreach (var o in ownerOfItem)
            if (o >= 0 || !skipNegative) offsets[o + 1]++;
        for (var i = 0; i < owners; i++) offsets[i + 1] += offsets[i];
        var items = new int[offsets[owners]];
        var next = offsets[..^1];
        for (var item = 0; item < ownerOfItem.Length; item++)
            if (ownerOfItem[item] >= 0 || !skipNegative) items[next[ownerOfItem[item]]++] = item;
        return new Csr(offsets, items, owners, null);
    }

    /// <summary>
    /// This grouping with the items from <paramref name="firstNew"/> on added (each last among its owner's, where
    /// <see cref="Build"/> puts it) and the owners grown to <paramref name="owners"/>. The arrays are shared: only the
    /// owners that gain items get a list of their own, so a write that adds a row copies its owner's items, not every
    /// owner's.
    /// </summary>
    public Csr Extend(int owners, ReadOnlySpan<int> ownerOfItem, int firstNew)
    {
        var gaining = new HashSet<int>();
        for (var item = firstNew; item < ownerOfItem.Length; item++) gaining.Add(ownerOfItem[item]);
        if ((_extended?.Count ?? 0) + gaining.Count > MostExtendedOwners) return Build(owners, ownerOfItem);
        var extended = _extended is null ? new Dictionary<int, int[]>(gaining.Count) : new Dictionary<int, int[]>(_extended);
        foreach (var owner in gaining)
        {
            var stored = owner < _owners ? Span(owner) : default;
            var count = stored.Length;
            for (var item = firstNew; item < ownerOfItem.Length; item++)
                if (ownerOfItem[item] == owner) count++;
            var mine = new int[count];
            stored.CopyTo(mine);
            var at = stored.Length;
            for (var item = firstNew; item < ownerOfItem.Length; item++)
                if (ownerOfItem[item] == owner) mine[at++] = item;
            extended[owner] = mine;
        }
        return new Csr(_offsets, _items, owners, extended);
    }

    public ReadOnlySpan<int> Span(int owner) => Of(owner);

    public IEnumerable<int> Items(int owner)
    {
        var items = Of(owner);
        for (var i = 0; i < items.Count; i++) yield return items[i];
    }

    ArraySegment<int> Of(int owner)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)owner, (uint)_owners, nameof(owner));
        if (_extended is { } extended && extended.TryGetValue(owner, out var mine)) return mine;
        // An owner added since the arrays were built, that has gained no item, has none.
        return owner + 1 < _offsets.Length ? new(_items, _offsets[owner], _offsets[owner + 1] - _offsets[owner]) : default;
    }
}
