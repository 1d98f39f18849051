using System.Globalization;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage.Lists;

/// <summary>What happened to one row of a list: the firm it went to, or why it went nowhere.</summary>
public sealed record ListRowResult(int Line, int Rank, string Name, string Outcome, string? Firm, IReadOnlyList<string> Candidates, string How);

/// <summary>The plan of a list import: per row what it matched, and the records to write (all or nothing).</summary>
public sealed record ListImportPlan(string Edition, IReadOnlyList<ListRowResult> Rows, GraphData Changes)
{
    public int Count(string outcome) => Rows.Count(r => r.Outcome == outcome);
}

/// <summary>
/// Turns a list file's rows into LISTED_IN {rank, year} memberships of one edition. Ambiguous and unmatched rows
/// are reported, never guessed; an unmatched row becomes a new firm only when <c>createMissing</c> is asked.
/// </summary>
public static partial class ListImport
{
    public const string Matched = "matched", Ambiguous = "ambiguous", Unmatched = "unmatched", Created = "created";

    public static ListImportPlan Plan(ChainGraph graph, IReadOnlyList<ListRow> rows, ListFamily family, int year, bool createMissing, string source)
    {
        var edition = family.Edition(year);
        var list = graph.Data.Lists.FirstOrDefault(l => l.Id == edition)
            ?? new FirmList(edition, $"{family.Label.Zh} {year}", $"{family.Label.En} {year}", family.Publisher, year);
        var matcher = new FirmMatcher(graph.Firms);
        var provenance = new Provenance(family.Publisher, source);
        var results = new List<ListRowResult>();
        var memberships = new List<ListMembership>();
        var created = new List<Firm>();
        var taken = new Dictionary<FirmId, int>();
        var ids = graph.Firms.Select(f => f.Id.Value).ToHashSet();
        var unit = family.RevenueUnit;
        var wrongUnits = rows.Where(r => r.RevenueUnit is { } u && u != unit)
            .Select(r => new RowError(r.Line, "revenue_unit", $"{family.Label.En} gives revenue in {unit}, not {r.RevenueUnit}: convert the file or leave the column out")).ToList();
        if (wrongUnits.Count > 0) throw new ListImportException(wrongUnits);

        foreach (var row in rows)
        {
            var match = matcher.Match(row.Name, row.NameEn, row.Uscc);
            FirmId? firm = match.Firm;
            var outcome = match.Kind switch { MatchKind.Matched => Matched, MatchKind.Ambiguous => Ambiguous, _ => Unmatched };
            if (firm is null && match.Kind == MatchKind.Unmatched && createMissing)
            {
                var id = NewId(row, ids);
                created.Add(new Firm(new FirmId(id), row.Name, row.NameEn, KnownRegion(graph, row.Headquarters), null, provenance) { Uscc = row.Uscc });
                firm = new FirmId(id);
                outcome = Created;
            }
            if (firm is { } f)
            {
                if (taken.TryGetValue(f, out var other))
                    throw new ListImportException([new RowError(row.Line, "name", $"matches firm '{f}' like line {other} does: one firm cannot hold two ranks in an edition")]);
                taken[f] = row.Line;
                memberships.Add(new ListMembership(f, edition, row.Rank, provenance) { Revenue = row.Revenue, Industry = row.Industry });
            }
            results.Add(new ListRowResult(row.Line, row.Rank, row.Name, outcome, firm?.Value, [.. match.Firms.Select(x => x.Value)], match.How));
        }
        var changes = GraphData.Empty with { Lists = [list], Firms = [.. created], Memberships = [.. memberships] };
        return new ListImportPlan(edition.Value, results, changes);
    }

    /// <summary>The region a headquarters cell names: a code, a full name, or a city written without 市 (北京, 昆明) when only one region fits.</summary>
    static RegionCode? KnownRegion(ChainGraph graph, string? text)
    {
        if (text is null) return null;
        if (graph.FindRegion(new RegionCode(text)) is { } byCode) return byCode.Code;
        if (graph.Regions.FirstOrDefault(r => r.Name == text) is { } byName) return byName.Code;
        var cities = graph.Regions.Where(r => r.Level is RegionLevel.Prefecture or RegionLevel.Province && r.Name == text + "市").ToList();
        return cities.Count == 1 ? cities[0].Code : null;
    }

    /// <summary>A new firm's id: its English name as a slug when given, otherwise a stable hash of its Chinese name.</summary>
    static string NewId(ListRow row, HashSet<string> taken)
    {
        var slug = row.NameEn is { } en ? NonSlug().Replace(en.ToLowerInvariant(), "-").Trim('-') : "";
        if (slug.Length == 0)
        {
            var hash = 2166136261u;
            foreach (var ch in FirmNames.Normalize(row.Name)) { hash ^= ch; hash *= 16777619; }
            slug = "firm-" + hash.ToString("x8", CultureInfo.InvariantCulture);
        }
        var id = slug;
        for (var n = 2; !taken.Add(id); n++) id = $"{slug}-{n}";
        return id;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

/// <summary>A list file that cannot be imported; every bad row is named.</summary>
public sealed class ListImportException(IReadOnlyList<RowError> errors)
    : Exception($"the list cannot be imported: {string.Join("; ", errors.Take(20))}{(errors.Count > 20 ? $" … and {errors.Count - 20} more" : "")}")
{
    public IReadOnlyList<RowError> Errors { get; } = errors;
}
