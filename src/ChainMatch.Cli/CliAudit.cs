using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;

namespace ChainMatch.Cli;

/// <summary>
/// Writes made from the command line go into the same audit log as the service's (in the configured store), with the
/// operating-system user as the actor; a graph write's entry is appended inside its transaction (an entry that cannot
/// be recorded undoes the write). Work on --data (an in-memory store) changes nothing and is not recorded.
/// </summary>
static class CliAudit
{
    public static string Actor => $"cli:{Environment.UserName}";

    /// <summary>The configured store's access records, brought up to date (an access.db beside an embedded store is taken over once).</summary>
    public static async Task<Stores> OpenAccessAsync(ParseResult parse, CancellationToken ct)
    {
        var stores = StoreOptions.Open(parse);
        try
        {
            await stores.Access.InitialiseAsync(ct);
            return stores;
        }
        catch
        {
            stores.Dispose();
            throw;
        }
    }

    /// <summary>The entry for a write, or null for work on --data.</summary>
    public static AuditEntry? Entry(ParseResult parse, string action, string target, object? before, object? after) =>
        parse.GetValue(GlobalOptions.Data) is not null
            ? null
            : new AuditEntry(0, ChainMatchCli.Time.GetUtcNow(), Actor, action, target, Json(before), Json(after));

    static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), ReportJson.Options);
}
