using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChainMatch.Domain.Graph;

/// <summary>
/// Where two versions of the graph's data differ, kind by kind and row by row in their stored order: how a snapshot
/// kept up to date write by write is held to a fresh projection of the store. Rows are compared as JSON, since a
/// record holding an immutable array only equals another holding the very same array.
/// </summary>
public static class GraphComparison
{
    // The differences are read in logs: names as written, not escaped.
    static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One line per kind that differs, naming the rows' counts and the first row that differs; empty when equal.</summary>
    public static IReadOnlyList<string> Differences(GraphData expected, GraphData actual)
    {
        var found = new List<string>();
        Compare(found, "chains", expected.Chains, actual.Chains);
        Compare(found, "segments", expected.Segments, actual.Segments);
        Compare(found, "feeds", expected.Feeds, actual.Feeds);
        Compare(found, "regions", expected.Regions, actual.Regions);
        Compare(found, "resources", expected.Resources, actual.Resources);
        Compare(found, "region resources", expected.RegionResources, actual.RegionResources);
        Compare(found, "constraints", expected.Constraints, actual.Constraints);
        Compare(found, "firms", expected.Firms, actual.Firms);
        Compare(found, "presences", expected.Presences, actual.Presences);
        Compare(found, "lists", expected.Lists, actual.Lists);
        Compare(found, "memberships", expected.Memberships, actual.Memberships);
        Compare(found, "supplies", expected.Supplies, actual.Supplies);
        Compare(found, "projects", expected.Projects, actual.Projects);
        Compare(found, "negative-list rules", expected.NegativeRules, actual.NegativeRules);
        Compare(found, "industry segments", expected.IndustrySegments, actual.IndustrySegments);
        Compare(found, "chain plans", expected.ChainPlans, actual.ChainPlans);
        Compare(found, "contacts", expected.Contacts, actual.Contacts);
        Compare(found, "interactions", expected.Interactions, actual.Interactions);
        Compare(found, "promotion events", expected.PromotionEvents, actual.PromotionEvents);
        return found;
    }

    static void Compare<T>(List<string> found, string kind, ImmutableArray<T> expected, ImmutableArray<T> actual)
    {
        if (expected == actual) return;
        var count = expected.Length == actual.Length ? "" : $"{expected.Length} rows expected, {actual.Length} found; ";
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (ReferenceEquals(expected[i], actual[i])) continue;
            var (e, a) = (JsonSerializer.Serialize(expected[i], Readable), JsonSerializer.Serialize(actual[i], Readable));
            if (e == a) continue;
            found.Add($"{kind}: {count}row {i} differs: expected {e}, found {a}");
            return;
        }
        if (count.Length > 0)
            found.Add($"{kind}: {count}first extra row: {JsonSerializer.Serialize(expected.Length > actual.Length ? expected[actual.Length] : actual[expected.Length], Readable)}");
    }
}
