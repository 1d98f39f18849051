using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

/// <summary>Which name of a firm a search matched.</summary>
public enum FirmNameField { Name, NameEn, Alias, CreditCode }

/// <summary>How a search text matched a name: the whole of it, its start, or somewhere inside.</summary>
public enum FirmMatchKind { Exact, Prefix, Contains }

/// <summary>One firm found, by its best-matching name.</summary>
public sealed record FirmHit(Firm Firm, FirmNameField Field, string Matched, FirmMatchKind Kind);

/// <summary>
/// As-you-type firm search over every firm's Chinese and English names, aliases and credit code, folded as matching
/// folds them (<see cref="FirmNames.Normalize"/>). Built once per graph version: keys sorted for prefix search, and a
/// posting list per character and per character pair, so "contains" checks only the keys holding the query's rarest
/// pair instead of scanning every name.
/// </summary>
public sealed class FirmSearch
{
    readonly Firm[] _firms;
    readonly string[] _keys;
    readonly int[] _keyFirm;
    readonly FirmNameField[] _keyField;
    readonly string[] _keyText;
    // Key ids in ordinal order of their key, for prefix ranges.
    readonly int[] _sorted;
    readonly Dictionary<long, int[]> _grams;

    FirmSearch(IReadOnlyList<Firm> firms)
    {
        _firms = [.. firms];
        var keys = new List<(string Key, int Firm, FirmNameField Field, string Text)>();
        for (var f = 0; f < _firms.Length; f++)
            foreach (var (key, field, text) in Keys(_firms[f]))
                keys.Add((key, f, field, text));
        _keys = [.. keys.Select(k => k.Key)];
        _keyFirm = [.. keys.Select(k => k.Firm)];
        _keyField = [.. keys.Select(k => k.Field)];
        _keyText = [.. keys.Select(k => k.Text)];
        _sorted = [.. Enumerable.Range(0, _keys.Length)];
        Array.Sort(_sorted, (a, b) => string.CompareOrdinal(_keys[a], _keys[b]));

        var grams = new Dictionary<long, List<int>>();
        var seen = new HashSet<long>();
        for (var k = 0; k < _keys.Length; k++)
        {
            seen.Clear();
            foreach (var g in Grams(_keys[k]))
                if (seen.Add(g)) (grams.TryGetValue(g, out var list) ? list : grams[g] = []).Add(k);
        }
        _grams = grams.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    public static FirmSearch Of(IReadOnlyList<Firm> firms) => new(firms);

    /// <summary>The folded form a query is matched in; empty when it holds no letter or digit.</summary>
    public static string Fold(string text) => FirmNames.Normalize(text);

    /// <summary>
    /// At most <paramref name="limit"/> firms whose name, English name, alias or credit code matches
    /// <paramref name="query"/>: exact matches first, then names starting with it, then names containing it; within
    /// each, Chinese name before English name before alias before credit code, shorter names first, then by firm id.
    /// </summary>
    public IReadOnlyList<FirmHit> Find(string query, int limit)
    {
        var q = Fold(query);
        var code = FoldCode(query);
        if (q.Length == 0 && code.Length == 0) return [];
        var best = new Dictionary<int, (FirmMatchKind Kind, int Key)>();
        void Offer(int key, FirmMatchKind kind)
        {
            var firm = _keyFirm[key];
            if (!best.TryGetValue(firm, out var had) || Better((kind, key), had)) best[firm] = (kind, key);
        }
        // Credit codes are matched folded but untrimmed (no legal form to drop), the names as names.
        var texts = new[] { q, code }.Where(t => t.Length > 0).Distinct().ToList();
        foreach (var text in texts)
            foreach (var key in PrefixRange(text))
                Offer(key, _keys[key].Length == text.Length ? FirmMatchKind.Exact : FirmMatchKind.Prefix);
        // A match inside a name ranks below every exact and prefix match: with enough of those it cannot be shown.
        if (best.Count < limit)
            foreach (var text in texts)
                foreach (var key in Containing(text))
                    Offer(key, FirmMatchKind.Contains);
        // The best `limit` kept in a heap whose top is the worst kept: a two-letter prefix may match every firm.
        var worstFirst = Comparer<(FirmMatchKind Kind, int Key)>.Create((a, b) => Compare(b, a));
        var kept = new PriorityQueue<(FirmMatchKind Kind, int Key), (FirmMatchKind Kind, int Key)>(worstFirst);
        foreach (var match in best.Values)
        {
            if (kept.Count < limit) kept.Enqueue(match, match);
            else if (Compare(match, kept.Peek()) < 0) kept.EnqueueDequeue(match, match);
        }
        var order = Comparer<(FirmMatchKind Kind, int Key)>.Create(Compare);
        return [.. kept.UnorderedItems.Select(x => x.Element).Order(order)
            .Select(m => new FirmHit(_firms[_keyFirm[m.Key]], _keyField[m.Key], _keyText[m.Key], m.Kind))];
    }

    bool Better((FirmMatchKind Kind, int Key) a, (FirmMatchKind Kind, int Key) b) => Compare(a, b) < 0;

    int Compare((FirmMatchKind Kind, int Key) a, (FirmMatchKind Kind, int Key) b)
    {
        var c = a.Kind.CompareTo(b.Kind);
        if (c == 0) c = _keyField[a.Key].CompareTo(_keyField[b.Key]);
        if (c == 0) c = _keys[a.Key].Length.CompareTo(_keys[b.Key].Length);
        if (c == 0) c = string.CompareOrdinal(_firms[_keyFirm[a.Key]].Id.Value, _firms[_keyFirm[b.Key]].Id.Value);
        return c;
    }

    IEnumerable<int> PrefixRange(string prefix)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(_keys[_sorted[mid]], prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < _sorted.Length && _keys[_sorted[i]].StartsWith(prefix, StringComparison.Ordinal); i++)
            yield return _sorted[i];
    }

    /// <summary>Keys holding <paramref name="text"/> past their first character (a match at the start is a prefix).</summary>
    IEnumerable<int> Containing(string text)
    {
        int[]? rarest = null;
        foreach (var g in Grams(text).Distinct())
        {
            if (!_grams.TryGetValue(g, out var keys)) return [];
            if (rarest is null || keys.Length < rarest.Length) rarest = keys;
        }
        return (rarest ?? []).Where(k => _keys[k].IndexOf(text, 1, StringComparison.Ordinal) > 0);
    }

    /// <summary>Each character of a one-character text; each adjacent pair of a longer one.</summary>
    static IEnumerable<long> Grams(string key)
    {
        if (key.Length == 1) yield return Single(key[0]);
        for (var i = 0; i + 1 < key.Length; i++) yield return (long)key[i] << 16 | key[i + 1];
        if (key.Length > 1)
            foreach (var c in key) yield return Single(c);
    }

    static long Single(char c) => 1L << 32 | c;

    static IEnumerable<(string Key, FirmNameField Field, string Text)> Keys(Firm firm)
    {
        var seen = new HashSet<string>();
        IEnumerable<(string?, FirmNameField, Func<string, string>)> names =
        [
            (firm.Name, FirmNameField.Name, Fold), (firm.NameEn, FirmNameField.NameEn, Fold),
            .. firm.Aliases.Select(a => ((string?)a, FirmNameField.Alias, (Func<string, string>)Fold)),
            (firm.Uscc, FirmNameField.CreditCode, FoldCode),
        ];
        foreach (var (text, field, fold) in names)
            if (text is not null && fold(text) is { Length: > 0 } key && seen.Add(key))
                yield return (key, field, text);
    }

    /// <summary>A credit code folded to its letters and digits, lower case; unlike a name, nothing is trimmed off its end.</summary>
    static string FoldCode(string text) => new([.. text.Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
}
