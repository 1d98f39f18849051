using System.Globalization;
using ChainMatch.Domain;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using CsvHelper;
using CsvHelper.Configuration;

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
        var errors = new List<RowError>();
        var interactions = new List<Interaction>();
        using var reader = new StringReader(CsvText.Decode(content));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!csv.Read()) throw new ListImportException([new RowError(1, null, "the file is empty: a header line is required")]);
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        foreach (var h in header.Where(h => !Columns.Contains(h))) errors.Add(new RowError(1, h, "unknown column"));
        foreach (var r in Required.Where(r => !header.Contains(r))) errors.Add(new RowError(1, r, "missing column"));
        if (errors.Count > 0) throw new ListImportException(errors);

        var ids = new ContactIds(graph.Data.Interactions.Select(i => i.Id), "interaction");
        var seen = new Dictionary<string, int>();
        while (csv.Read())
        {
            var line = csv.RawRow;
            var fields = csv.Record!;
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string? Cell(string name) => Array.IndexOf(header, name) is var i and >= 0 && i < fields.Length && fields[i].Trim() is { Length: > 0 } v ? CsvCells.Unquoted(v) : null;
            var before = errors.Count;
            for (var c = 0; c < fields.Length; c++)
                if (TextRules.Problem(fields[c]) is { } problem) errors.Add(new RowError(line, c < header.Length ? header[c] : null, problem));
            var id = Cell("id");
            if (id is not null && !Seeds.SeedIds.IsSlug(id)) errors.Add(new RowError(line, "id", $"'{id}' is not an interaction id (lower-case words joined by '-')"));
            else if (id is not null && seen.TryGetValue(id, out var first)) errors.Add(new RowError(line, "id", $"interaction {id} is already on line {first}"));
            else if (id is not null) ids.Reserve(id);
            if (!Interaction.TryParse(Cell("kind"), out var kind)) errors.Add(new RowError(line, "kind", $"'{Cell("kind")}' is not a kind of interaction: use {Interaction.Kinds}"));
            var dateText = Cell("date");
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors.Add(new RowError(line, "date", $"'{dateText}' is not a date: use YYYY-MM-DD"));
            var firm = new FirmId(Cell("firm") ?? "");
            if (graph.FindFirm(firm) is null) errors.Add(new RowError(line, "firm", $"unknown firm '{firm}'"));
            var region = new RegionCode(Cell("region") ?? "");
            if (graph.FindRegion(region) is null) errors.Add(new RowError(line, "region", $"unknown region '{region}'"));
            var contact = Cell("contact") is { } c1 ? graph.Data.Contacts.FirstOrDefault(c => c.Id == c1) : null;
            if (Cell("contact") is { } unknownContact && contact is null) errors.Add(new RowError(line, "contact", $"unknown contact '{unknownContact}'"));
            var project = Cell("project") is { } p1 ? graph.Data.Projects.FirstOrDefault(p => p.Id == p1) : null;
            if (Cell("project") is { } unknownProject && project is null) errors.Add(new RowError(line, "project", $"unknown project '{unknownProject}'"));
            if (errors.Count > before) continue;
            try
            {
                var interactionId = id ?? ids.Next();
                seen[interactionId] = line;
                interactions.Add(Interaction.Create(interactionId, kind!.Value, date, firm, region, contact, project, Cell("who"), Cell("notes"), Cell("next_step"), Cell("owner"), today));
            }
            catch (InvalidValueException e)
            {
                errors.Add(new RowError(line, ColumnOf.GetValueOrDefault(e.Field, e.Field), e.Message));
            }
        }
        if (errors.Count > 0) throw new ListImportException([.. errors.OrderBy(e => e.Line)]);
        return interactions;
    }

    /// <summary>The interactions as the import reads them back.</summary>
    public static IEnumerable<object?[]> Rows(IEnumerable<Interaction> interactions) => interactions.Select(i => new object?[]
        { i.Id, Interaction.Name(i.Kind), i.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Firm.Value, i.Region.Value, i.Contact, i.Project, i.Who, i.Notes, i.NextStep, i.OwnerTeam });
}
