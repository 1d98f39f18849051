using System.Globalization;
using ChainMatch.Domain;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using CsvHelper;
using CsvHelper.Configuration;

namespace ChainMatch.Storage.Contacts;

/// <summary>
/// Contacts of the 客商库 as CSV, one per row: <c>id,firm,region,name,title,phone,email,owner,consent,added</c> (UTF-8 or
/// GB18030), the columns the export writes. Firms are named by id or by name; a row without an id gets the next free
/// <c>contact-N</c>, a row whose id is stored replaces that contact. Every bad row is reported with its reason and
/// nothing is written unless every row is good.
/// </summary>
public static class ContactFile
{
    public static readonly string[] Columns = ["id", "firm", "region", "name", "title", "phone", "email", "owner", "consent", "added"];
    static readonly string[] Required = ["firm", "region", "name", "owner", "consent"];

    /// <summary>The columns the rules name their fields by (ownerTeam) as the file names them (owner).</summary>
    static readonly Dictionary<string, string> ColumnOf = new() { ["ownerTeam"] = "owner", ["consentNote"] = "consent" };

    public static IReadOnlyList<Contact> Plan(ChainGraph graph, byte[] content, DateOnly today)
    {
        var errors = new List<RowError>();
        var contacts = new List<Contact>();
        using var reader = new StringReader(CsvText.Decode(content));
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!csv.Read()) throw new ListImportException([new RowError(1, null, "the file is empty: a header line is required")]);
        var header = csv.Record!.Select(h => h.Trim()).ToArray();
        foreach (var h in header.Where(h => !Columns.Contains(h))) errors.Add(new RowError(1, h, "unknown column"));
        foreach (var r in Required.Where(r => !header.Contains(r))) errors.Add(new RowError(1, r, "missing column"));
        if (errors.Count > 0) throw new ListImportException(errors);

        var matcher = new FirmMatcher(graph.Firms);
        var ids = new ContactIds(graph.Data.Contacts.Select(c => c.Id));
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
            if (id is not null && !Seeds.SeedIds.IsSlug(id)) errors.Add(new RowError(line, "id", $"'{id}' is not a contact id (lower-case words joined by '-')"));
            else if (id is not null && seen.TryGetValue(id, out var first)) errors.Add(new RowError(line, "id", $"contact {id} is already on line {first}"));
            else if (id is not null) ids.Reserve(id);
            var firm = FirmCell.Resolve(graph, matcher, Cell("firm"), line, errors);
            var region = new RegionCode(Cell("region") ?? "");
            if (graph.FindRegion(region) is null) errors.Add(new RowError(line, "region", $"unknown region '{region}'"));
            var addedText = Cell("added");
            var added = today;
            if (addedText is not null && !DateOnly.TryParseExact(addedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out added))
                errors.Add(new RowError(line, "added", $"'{addedText}' is not a date: use YYYY-MM-DD"));
            if (errors.Count > before) continue;
            try
            {
                var contactId = id ?? ids.Next();
                seen[contactId] = line;
                contacts.Add(Contact.Create(contactId, firm!.Value, region, Cell("name"), Cell("title"), Cell("phone"), Cell("email"), Cell("owner"), Cell("consent"), added));
            }
            catch (InvalidValueException e)
            {
                errors.Add(new RowError(line, ColumnOf.GetValueOrDefault(e.Field, e.Field), e.Message));
            }
        }
        if (errors.Count > 0) throw new ListImportException([.. errors.OrderBy(e => e.Line)]);
        return contacts;
    }

    /// <summary>The contacts as the import reads them back, formula-like cells neutralised for spreadsheets.</summary>
    public static IEnumerable<object?[]> Rows(IEnumerable<Contact> contacts) => contacts.Select(c => new object?[]
        { c.Id, c.Firm.Value, c.Region.Value, c.Name, c.Title, c.Phone, c.Email, c.OwnerTeam, c.ConsentNote, c.Added.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
}

/// <summary>Cells of the 客商库's files as the exports write them.</summary>
static class CsvCells
{
    /// <summary>A cell the export kept from running as a formula ('+86 …) is read as it was before.</summary>
    public static string Unquoted(string cell) => cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1]) ? cell[1..] : cell;
}
