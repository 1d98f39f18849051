using System.CommandLine;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Cli;

/// <summary><c>chainmatch backup --to FILE</c>: an online copy of the embedded store, safe while the service runs and writes.</summary>
static class BackupCommand
{
    public static Command Create(TextWriter output)
    {
        var to = new Option<FileInfo>("--to") { Description = "The backup file to write (replaced only once the copy is complete).", Required = true };
        var command = new Command("backup", "Copy the embedded store (or --data seeds) into one self-contained file with SQLite's online backup.") { to };
        command.SetAction(async (parse, ct) =>
        {
            if (StoreOptions.IsNeo4j(parse)) throw new CliException("backup copies the embedded store; back up a Neo4j server with neo4j-admin database dump", ChainMatchCli.Usage);
            var target = parse.GetValue(to)!;
            using var opened = await GlobalOptions.OpenStoreAsync(parse, ct);
            if (Path.GetFullPath(target.FullName) == opened.Name) throw new CliException($"--to names the store itself ({opened.Name})", ChainMatchCli.Usage);
            await ((SqliteGraphStore)opened.Graph).BackupAsync(target.FullName, ct);
            target.Refresh();
            await output.WriteLineAsync($"{opened.Name}: backed up to {target.FullName} ({target.Length:N0} bytes, keys and audit log included)");
            return ChainMatchCli.Ok;
        });
        return command;
    }
}
