using System.CommandLine;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch restore --from FILE</c>: replace the embedded store with a backup, checked first, in one transaction.</summary>
static class RestoreCommand
{
    public static Command Create(TextWriter output)
    {
        var from = new Option<FileInfo>("--from") { Description = "A file written by 'chainmatch backup'.", Required = true };
        var withAccess = new Option<bool>("--with-access")
        {
            Description = "Also take keys and audit log from the backup (when the store was lost: keys revoked since come back unless the current file still says so).",
        };
        var command = new Command("restore", "Replace the embedded store's content with a backup; a missing, damaged, foreign or newer-schema file is refused and the store left as it was.") { from, withAccess };
        command.SetAction(async (parse, ct) =>
        {
            if (StoreOptions.IsNeo4j(parse)) throw new CliException("restore writes the embedded store; restore a Neo4j server with neo4j-admin database load", ChainMatchCli.Usage);
            if (parse.GetValue(GlobalOptions.Data) is not null) throw new CliException("restore writes the --store file; --data names seeds, not a store", ChainMatchCli.Usage);
            var backup = parse.GetValue(from)!;
            var store = parse.GetValue(GlobalOptions.Store)!;
            using var target = SqliteGraphStore.OpenFile(store.FullName);
            try
            {
                await target.RestoreAsync(backup.FullName, CliAudit.Actor, ChainMatchCli.Time.GetUtcNow(), parse.GetValue(withAccess), ct);
            }
            catch (BackupFileException e)
            {
                throw new CliException($"{e.Message}; {store.FullName} left as it was");
            }
            await output.WriteLineAsync(parse.GetValue(withAccess)
                ? $"{store.FullName}: restored from {backup.FullName}, keys and audit log included; running services load it within seconds"
                : $"{store.FullName}: graph restored from {backup.FullName}, keys and audit log kept; running services load it within seconds");
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
