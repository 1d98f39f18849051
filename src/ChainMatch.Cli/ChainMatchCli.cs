using System.CommandLine;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Neo4j;

namespace ChainMatch.Cli;

/// <summary>Exit codes: 0 done, 1 the data or an id was wrong (one line on stderr says which), 2 the command line was wrong.</summary>
public static class ChainMatchCli
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    /// <summary>The clock every command reads (today's date, audit and key timestamps); a date in the past is asked for with --as-of.</summary>
    public static TimeProvider Time { get; } = TimeProvider.System;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("ChainMatch: industrial chain maps, gaps and the firms worth courting for them.");
        root.Options.Add(GlobalOptions.Data);
        root.Options.Add(GlobalOptions.Store);
        root.Options.Add(GlobalOptions.AsOf);
        root.Options.Add(GlobalOptions.Lang);
        foreach (var option in StoreOptions.All) root.Options.Add(option);
        root.Subcommands.Add(SeedCommand.Create(output));
        root.Subcommands.Add(SeedCheckCommand.Create(output));
        root.Subcommands.Add(GapsCommand.Create(output));
        root.Subcommands.Add(ChangesCommand.Create(output));
        root.Subcommands.Add(ImportListCommand.Create(output));
        root.Subcommands.Add(FirmCommand.Create(output));
        root.Subcommands.Add(ImportProjectsCommand.Create(output));
        root.Subcommands.Add(LeadsCommand.Create(output));
        root.Subcommands.Add(TargetsCommand.Create(output));
        root.Subcommands.Add(SimulateCommand.Create(output));
        root.Subcommands.Add(ConflictsCommand.Create(output));
        root.Subcommands.Add(AnchorsCommand.Create(output));
        root.Subcommands.Add(TrainCommand.Create(output));
        root.Subcommands.Add(EvaluateCommand.Create(output));
        root.Subcommands.Add(BacktestCommand.Create(output));
        root.Subcommands.Add(TuneCommand.Create(output));
        root.Subcommands.Add(KeysCommand.Create(output));
        root.Subcommands.Add(BackupCommand.Create(output));
        root.Subcommands.Add(RestoreCommand.Create(output));
        root.Subcommands.Add(HealthCommand.Create(output));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) await error.WriteLineAsync($"error: {e.Message}");
            return Usage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return e.ExitCode;
        }
        // A value that breaks a domain rule: the rule's reason is the line.
        catch (Exception e) when (e is NotFoundException or InvalidValueException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
        // The store refused or could not be reached: its message already says which server, which statement and why.
        catch (Exception e) when (e is StoreUnavailableException or Neo4jException or GraphIntegrityException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
    }
}

/// <summary>A failure the user can act on: printed as one line, no stack trace.</summary>
sealed class CliException(string message, int exitCode = ChainMatchCli.Failed) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
