using System.CommandLine;
using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;
using ChainMatch.Storage;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Cli;

/// <summary>Options every command takes, and the graph they select.</summary>
static class GlobalOptions
{
    public static readonly Option<DirectoryInfo?> Data = new("--data")
    {
        Description = "Work on this graph-seeds folder loaded into a fresh in-memory store instead of the configured store.",
        Recursive = true,
    };

    public static readonly Option<FileInfo> Store = new("--store")
    {
        Description = "The embedded store file (default: $CHAINMATCH_STORE, else data/chainmatch.db).",
        Recursive = true,
        DefaultValueFactory = _ => new FileInfo(Environment.GetEnvironmentVariable("CHAINMATCH_STORE") is { Length: > 0 } s ? s : Path.Combine("data", "chainmatch.db")),
    };

    public static readonly Option<Language> Lang = new("--lang")
    {
        Description = "The language reasons are written in: en (default) or zh.",
        Recursive = true,
        DefaultValueFactory = _ => Language.En,
        CustomParser = result => result.Tokens.Single().Value switch
        {
            "en" => Language.En,
            "zh" => Language.Zh,
            var other => Fail(result, $"--lang '{other}' is not en or zh"),
        },
    };

    static Language Fail(System.CommandLine.Parsing.ArgumentResult result, string message)
    {
        result.AddError(message);
        return Language.En;
    }

    public static readonly Option<string?> AsOf = new("--as-of")
    {
        Description = $"Read the graph as it stood on this date ({Domain.AsOf.Format}); default today.",
        Recursive = true,
    };

    public static DateOnly AsOfDate(ParseResult parse, string? text = null)
    {
        text ??= parse.GetValue(AsOf);
        if (text is null) return DateOnly.FromDateTime(ChainMatchCli.Time.GetLocalNow().Date);
        return Domain.AsOf.TryParse(text, out var date)
            ? date
            : throw new CliException($"--as-of '{text}' is not a date ({Domain.AsOf.Format})", ChainMatchCli.Usage);
    }

    /// <summary>The graph from --data when given, else from the configured store.</summary>
    public static async Task<ChainGraph> LoadGraphAsync(ParseResult parse, CancellationToken ct)
    {
        using var opened = await OpenStoreAsync(parse, ct);
        return await GraphLoader.ProjectAsync(opened.Graph, ct);
    }

    /// <summary>A fresh in-memory store holding --data when given, else the configured store, which must already hold a graph.</summary>
    public static async Task<Stores> OpenStoreAsync(ParseResult parse, CancellationToken ct)
    {
        try
        {
            if (parse.GetValue(Data) is { } seeds)
            {
                var memory = await GraphLoader.InMemoryFromSeedsAsync(seeds.FullName, ct);
                return StoreFactory.InMemory(memory, $"an in-memory store of {seeds.Name}", ChainMatchCli.Time);
            }
            if (!StoreOptions.IsNeo4j(parse) && !parse.GetValue(Store)!.Exists)
                throw new CliException($"store {parse.GetValue(Store)!.FullName} does not exist: run 'chainmatch seed' first, or pass --data graph-seeds");
            var opened = StoreOptions.Open(parse);
            try
            {
                await opened.Access.InitialiseAsync(ct);
                if (await opened.Graph.IsEmptyAsync(ct)) throw new CliException($"store {opened.Name} is empty: run 'chainmatch seed' first");
                return opened;
            }
            catch
            {
                opened.Dispose();
                throw;
            }
        }
        catch (SeedFormatException e)
        {
            throw new CliException(e.Message);
        }
    }
}
