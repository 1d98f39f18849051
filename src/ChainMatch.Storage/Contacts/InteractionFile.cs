using System.Globalization;
using ChainMatch.Domain;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage.Contacts;

/// <summary>
/// Interactions of the 客商库 as CSV, one per row: <c>id,kind,date,firm,region,contact,project,who,notes,next_step,owner</c>,
/// the columns the export writes. Firms, contacts and projects are named by id; a row without an id gets the next free
/// <c>interaction-N</c>. Every bad row is reported with its reason and nothing is written unless every row is good.
/// </summary>
public static class InteractionFile
{
    public static readonly string[] Columns = ["id", "kind", "date", "firm", "region", "contact", "project", "who", "notes", "next_step", "owner"];
    static readonly string[] Required = ["kind", "date", "firm", "region", "who", "notes", "owner"];
    static readonly Dictionary<string, string> ColumnOf = new() { ["ownerTeam"] = "owner", ["nextStep"] = "next_step" };

    public static IReadOnlyList<Interaction> Plan(ChainGraph graph, byte[] content, DateOnly today)
    {
        var file = CsvRows.Read(content, Required, Columns.Except(Required).ToArray(), unquote: true);
        var interactions = new List<Interaction>();
        var ids = new ContactIds(graph.Data.Interactions.Select(i => i.Id), "interaction");
        var seen = new Dictionary<string, int>();
        foreach (var row in file.Rows)
        {
            var id = row.Id("interaction", ids, seen);
            if (!Interaction.TryParse(row.Cell("kind"), out var kind)) row.Fail("kind", $"'{row.Cell("kind")}' is not a kind of interaction: use {Interaction.Kinds}");
            var dateText = row.Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                row.Fail("date", $"'{dateText}' is not a date: use YYYY-MM-DD");
            var firm = new FirmId(row.Cell("firm") ?? "");
            if (graph.FindFirm(firm) is null) row.Fail("firm", $"unknown firm '{firm}'");
            var region = new RegionCode(row.Cell("region") ?? "");
            if (graph.FindRegion(region) is null) row.Fail("region", $"unknown region '{region}'");
            var contact = row.Cell("contact") is { } contactId ? graph.Data.Contacts.FirstOrDefault(c => c.Id == contactId) : null;
            if (row.Cell("contact") is { } unknownContact && contact is null) row.Fail("contact", $"unknown contact '{unknownContact}'");
            else if (contact is { IsRemoved: true }) row.Fail("contact", $"contact {contact.Id} was removed when consent was withdrawn");
            var project = row.Cell("project") is { } projectId ? graph.Data.Projects.FirstOrDefault(p => p.Id == projectId) : null;
            if (row.Cell("project") is { } unknownProject && project is null) row.Fail("project", $"unknown project '{unknownProject}'");
            if (row.Failed) continue;
            try
            {
                var interactionId = id ?? ids.Next();
                seen[interactionId] = row.Line;
                interactions.Add(Interaction.Create(interactionId, kind!.Value, date, firm, region, contact, project, row.Cell("who"), row.Cell("notes"), row.Cell("next_step"),
                    row.Cell("owner"), today));
            }
            catch (InvalidValueException e)
            {
                row.Fail(ColumnOf.GetValueOrDefault(e.Field, e.Field), e.Message);
            }
        }
        file.ThrowIfAny();
        return interactions;
    }

    /// <summary>The interactions as the import reads them back.</summary>
    public static IEnumerable<object?[]> Rows(IEnumerable<Interaction> interactions) => interactions.Select(i => new object?[]
        { i.Id, Interaction.Name(i.Kind), i.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Firm.Value, i.Region.Value, i.Contact, i.Project, i.Who, i.Notes, i.NextStep, i.OwnerTeam });
}
