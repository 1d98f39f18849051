using System.Globalization;
using System.Text.Json;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Storage.Sqlite;

/// <summary>The 客商库's tables in the embedded store: their migration, how rows are written and how they are read back.</summary>
static class ContactsSchema
{
    public const string Script =
        "CREATE TABLE contact (id TEXT PRIMARY KEY, firm TEXT NOT NULL REFERENCES firm(id), region TEXT NOT NULL REFERENCES region(code), " +
        "name TEXT NOT NULL, title TEXT, phone TEXT, email TEXT, owner TEXT NOT NULL, consent TEXT NOT NULL, added TEXT NOT NULL); " +
        "CREATE INDEX contact_firm ON contact(firm); " +
        "CREATE TABLE interaction (id TEXT PRIMARY KEY, kind TEXT NOT NULL, date TEXT NOT NULL, firm TEXT NOT NULL REFERENCES firm(id), " +
        "region TEXT NOT NULL REFERENCES region(code), contact TEXT REFERENCES contact(id), project TEXT REFERENCES project(id), " +
        "who TEXT NOT NULL, notes TEXT NOT NULL, next_step TEXT, owner TEXT NOT NULL); " +
        "CREATE INDEX interaction_firm ON interaction(firm); " +
        // The firms met are a JSON array of ids: a handful per event, always read with it.
        "CREATE TABLE promotion_event (id TEXT PRIMARY KEY, name TEXT NOT NULL, date TEXT NOT NULL, place TEXT NOT NULL, " +
        "region TEXT NOT NULL REFERENCES region(code), firms TEXT NOT NULL, owner TEXT NOT NULL, notes TEXT);";

    /// <summary>When consent was withdrawn (see Contact.Remove): the row stays for the interactions naming it, emptied of personal data.</summary>
    public const string RemovedColumn = "ALTER TABLE contact ADD COLUMN removed TEXT;";

    /// <summary>A contact's fields (as the audit's JSON names them) that are personal data.</summary>
    static readonly string[] PersonalFields = ["name", "title", "phone", "email", "consentNote"];

    /// <summary>
    /// Audit entries of contact writes recorded before schema 14 hold the contacts written whole (<c>{"contacts": [...]}</c>,
    /// before or after): their name, title, phone, e-mail and consent note are taken out, everything else in the entry
    /// kept, so that withdrawing consent reaches the log too. The log is kept append-only by triggers, not chained by
    /// hashes (no entry holds a digest of another), so this rewrite breaks nothing that checks it: the update trigger is
    /// lifted for this one statement, inside the migration's transaction, and put back as it was.
    /// </summary>
    public static readonly string AuditWithoutPersonalData =
        "DROP TRIGGER audit_no_update; " +
        $"UPDATE audit SET before = {Stripped("before")}, after = {Stripped("after")} WHERE {HoldsPersonalData("before")} OR {HoldsPersonalData("after")}; " +
        SqliteAccessStore.NoUpdate;

    /// <summary>The column's JSON with its contacts' personal fields taken out, when it holds any; else as it is.</summary>
    static string Stripped(string column) =>
        $"CASE WHEN {HoldsPersonalData(column)} THEN json_set({column}, '$.contacts', (SELECT json_group_array(CASE WHEN json_type(value) = 'object' " +
        $"THEN json_remove(value, {string.Join(", ", PersonalFields.Select(f => $"'$.{f}'"))}) ELSE value END) FROM json_each({column}, '$.contacts'))) ELSE {column} END";

    /// <summary>The column is JSON whose contacts array has a contact with a personal field (JSON that is not read as such is left alone).</summary>
    static string HoldsPersonalData(string column)
    {
        var json = $"CASE WHEN json_valid({column}) THEN {column} END";
        return $"EXISTS (SELECT 1 FROM json_each({json}, '$.contacts') WHERE json_type({json}, '$.contacts') = 'array' AND json_type(value) = 'object' " +
            $"AND ({string.Join(" OR ", PersonalFields.Select(f => $"json_type(value, '$.{f}') IS NOT NULL"))}))";
    }

    public static void Write(GraphData d, Action<string, string[], string[], IEnumerable<object>, Func<object, object?[]>>  upsert)
    {
        upsert("contact", ["id"], ["firm", "region", "name", "title", "phone", "email", "owner", "consent", "added", "removed"], d.Contacts,
            o => o is Contact c ? [c.Id, c.Firm.Value, c.Region.Value, c.Name, c.Title, c.Phone, c.Email, c.OwnerTeam, c.ConsentNote, Date(c.Added),
                c.Removed is { } removed ? Date(removed) : null] : []);
        upsert("interaction", ["id"], ["kind", "date", "firm", "region", "contact", "project", "who", "notes", "next_step", "owner"], d.Interactions,
            o => o is Interaction i ? [i.Id, Domain.Contacts.Interaction.Name(i.Kind), Date(i.Date), i.Firm.Value, i.Region.Value, i.Contact, i.Project, i.Who, i.Notes, i.NextStep, i.OwnerTeam] : []);
        upsert("promotion_event", ["id"], ["name", "date", "place", "region", "firms", "owner", "notes"], d.PromotionEvents,
            o => o is PromotionEvent e ? [e.Id, e.Name, Date(e.Date), e.Place, e.Region.Value, JsonSerializer.Serialize(e.Firms.Select(f => f.Value)), e.OwnerTeam, e.Notes] : []);
    }

    public const string ContactsQuery = "SELECT id, firm, region, name, title, phone, email, owner, consent, added, removed FROM contact ORDER BY rowid";
    public const string InteractionsQuery = "SELECT id, kind, date, firm, region, contact, project, who, notes, next_step, owner FROM interaction ORDER BY rowid";
    public const string EventsQuery = "SELECT id, name, date, place, region, firms, owner, notes FROM promotion_event ORDER BY rowid";

    public static Contact Contact(SqliteDataReader r) => new(r.GetString(0), new FirmId(r.GetString(1)), new RegionCode(r.GetString(2)), r.GetString(3),
        Str(r, 4), Str(r, 5), Str(r, 6), r.GetString(7), r.GetString(8), ParseDate(r.GetString(9)), r.IsDBNull(10) ? null : ParseDate(r.GetString(10)));

    public static Interaction Interaction(SqliteDataReader r) => new(r.GetString(0),
        Domain.Contacts.Interaction.TryParse(r.GetString(1), out var kind) ? kind.Value : throw new InvalidDataException($"unknown interaction kind '{r.GetString(1)}' in the store"),
        ParseDate(r.GetString(2)), new FirmId(r.GetString(3)), new RegionCode(r.GetString(4)), Str(r, 5), Str(r, 6), r.GetString(7), r.GetString(8), Str(r, 9), r.GetString(10));

    public static PromotionEvent Event(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), ParseDate(r.GetString(2)), r.GetString(3), new RegionCode(r.GetString(4)),
        [.. (JsonSerializer.Deserialize<string[]>(r.GetString(5)) ?? []).Select(f => new FirmId(f))], r.GetString(6), Str(r, 7));

    static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
