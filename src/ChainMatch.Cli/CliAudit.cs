using System.CommandLine;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Storage.Access;

namespace ChainMatch.Cli;

/// <summary>
/// Writes made from the command line go into the same audit log as the service's (access.db beside the store file),
/// with the operating-system user as the actor, from inside the write's transaction (an entry that cannot be recorded
/// undoes the write). Work on --data (an in-memory store) changes nothing and is not recorded.
/// </summary>
static class CliAudit
{
    public static string Actor => $"cli:{Environment.UserName}";

    public static string AccessPath(ParseResult parse) => Path.Combine(parse.GetValue(GlobalOptions.Store)!.DirectoryName!, "access.db");

    public static Task<AccessStore> OpenAsync(ParseResult parse, CancellationToken ct) => AccessStore.OpenAsync(AccessPath(parse), ct);

    public static async Task RecordAsync(ParseResult parse, string action, string target, object? before, object? after, CancellationToken ct)
    {
        if (parse.GetValue(GlobalOptions.Data) is not null) return;
        var access = await OpenAsync(parse, ct);
        await access.AppendAsync(new AuditEntry(0, ChainMatchCli.Time.GetUtcNow(), Actor, action, target, Json(before), Json(after)), ct);
    }

    static string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), ReportJson.Options);
}
