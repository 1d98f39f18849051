using System.Globalization;
using ChainMatch.Domain;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;

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
        var file = CsvRows.Read(content, Required, Columns.Except(Required).ToArray(), unquote: true);
        var contacts = new List<Contact>();
        var matcher = new FirmMatcher(graph.Firms);
        var ids = new ContactIds(graph.Data.Contacts.Select(c => c.Id));
        var seen = new Dictionary<string, int>();
        // Looked up once per row with an id: a set, not a scan of every contact.
        var removed = graph.Data.Contacts.Where(c => c.IsRemoved).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            var id = row.Id("contact", ids, seen, named => removed.Contains(named)
                ? $"contact {named} was removed when consent was withdrawn: it cannot be imported back"
                : null);
            var firm = FirmCell.Resolve(graph, matcher, row);
            var region = new RegionCode(row.Cell("region") ?? "");
            if (graph.FindRegion(region) is null) row.Fail("region", $"unknown region '{region}'");
            var addedText = row.Cell("added");
            var added = today;
            if (addedText is not null && !DateOnly.TryParseExact(addedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out added))
                row.Fail("added", $"'{addedText}' is not a date: use YYYY-MM-DD");
            if (row.Failed) continue;
            try
            {
                var contactId = id ?? ids.Next();
                seen[contactId] = row.Line;
                contacts.Add(Contact.Create(contactId, firm!.Value, region, row.Cell("name"), row.Cell("title"), row.Cell("phone"), row.Cell("email"), row.Cell("owner"),
                    row.Cell("consent"), added));
            }
            catch (InvalidValueException e)
            {
                row.Fail(ColumnOf.GetValueOrDefault(e.Field, e.Field), e.Message);
            }
        }
        file.ThrowIfAny();
        return contacts;
    }

    /// <summary>The contacts as the import reads them back, formula-like cells neutralised for spreadsheets.</summary>
    public static IEnumerable<object?[]> Rows(IEnumerable<Contact> contacts) => contacts.Select(c => new object?[]
        { c.Id, c.Firm.Value, c.Region.Value, c.Name, c.Title, c.Phone, c.Email, c.OwnerTeam, c.ConsentNote, c.Added.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
}
