using System.Globalization;
using ChainMatch.Domain;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage.Contacts;

/// <summary>
/// Promotion events (推介会) of the 客商库 as CSV, one per row: <c>id,name,date,place,region,firms,owner,notes</c>, the
/// columns the export writes. <c>firms</c> holds the firms met, each by id or by name, separated by <c>;</c>. A row
/// without an id gets the next free <c>event-N</c>, a row whose id is stored replaces that event. Every bad row is
/// reported with its reason and nothing is written unless every row is good.
/// </summary>
public static class EventFile
{
    public static readonly string[] Columns = ["id", "name", "date", "place", "region", "firms", "owner", "notes"];
    static readonly string[] Required = ["name", "date", "place", "region", "owner"];
    static readonly Dictionary<string, string> ColumnOf = new() { ["ownerTeam"] = "owner" };

    /// <summary>What separates the firms of the firms cell; the full-width forms are what a Chinese keyboard types.</summary>
    static readonly char[] FirmSeparators = [';', '；'];

    public static IReadOnlyList<PromotionEvent> Plan(ChainGraph graph, byte[] content)
    {
        var file = CsvRows.Read(content, Required, Columns.Except(Required).ToArray(), unquote: true);
        var events = new List<PromotionEvent>();
        var matcher = new FirmMatcher(graph.Firms);
        var ids = new ContactIds(graph.Data.PromotionEvents.Select(e => e.Id), "event");
        var seen = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var id = row.Id("event", ids, seen);
            var dateText = row.Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                row.Fail("date", $"'{dateText}' is not a date: use YYYY-MM-DD");
            var region = new RegionCode(row.Cell("region") ?? "");
            if (graph.FindRegion(region) is null) row.Fail("region", $"unknown region '{region}'");
            var firms = (row.Cell("firms") ?? "").Split(FirmSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(f => FirmCell.Resolve(graph, matcher, f, reason => row.Fail("firms", reason))).ToList();
            if (row.Failed) continue;
            try
            {
                var eventId = id ?? ids.Next();
                seen[eventId] = row.Line;
                events.Add(PromotionEvent.Create(eventId, row.Cell("name"), date, row.Cell("place"), region, firms.Select(f => f!.Value), row.Cell("owner"), row.Cell("notes")));
            }
            catch (InvalidValueException e)
            {
                row.Fail(ColumnOf.GetValueOrDefault(e.Field, e.Field), e.Message);
            }
        }
        file.ThrowIfAny();
        return events;
    }

    /// <summary>The events as the import reads them back: the firms met by id.</summary>
    public static IEnumerable<object?[]> Rows(IEnumerable<PromotionEvent> events) => events.Select(e => new object?[]
        { e.Id, e.Name, e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.Place, e.Region.Value, string.Join(";", e.Firms.Select(f => f.Value)), e.OwnerTeam, e.Notes });
}
