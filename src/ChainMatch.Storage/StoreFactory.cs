using ChainMatch.Storage.Access;
using ChainMatch.Storage.Neo4j;
using ChainMatch.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace ChainMatch.Storage;

/// <summary>The store providers by name: the service's Graph:Provider and the CLI's --provider both take these.</summary>
public static class StoreProviders
{
    public const string Embedded = "Embedded", Neo4j = "Neo4j";

    public static readonly IReadOnlyList<string> All = [Embedded, Neo4j];
}

/// <summary>
/// Which store to open: an embedded file (<see cref="EmbeddedPath"/>), or a Neo4j server (<see cref="Neo4j"/>, spoken
/// to through the caller's HttpClient). Checked where it is bound (the service's options, the CLI's arguments).
/// </summary>
public sealed record StoreSettings(string Provider, string? EmbeddedPath = null, Neo4jConnection? Neo4j = null)
{
    public Neo4jResilienceSettings? Resilience { get; init; }
    public int BatchSize { get; init; } = Neo4jGraphStore.DefaultBatchSize;
}

/// <summary>The graph store and the access store over the same storage, what to call it in messages, and what to release.</summary>
public sealed class Stores(IGraphStore graph, IAccessStore access, string name, IDisposable? owned) : IDisposable
{
    public IGraphStore Graph { get; } = graph;
    public IAccessStore Access { get; } = access;
    public string Name { get; } = name;

    public void Dispose() => owned?.Dispose();
}

/// <summary>Opens the configured stores; the service and the CLI both come through here.</summary>
public static class StoreFactory
{
    public static Stores Open(StoreSettings settings, Func<HttpClient> http, StoreAvailability availability, ILogger log, TimeProvider time)
    {
        switch (settings.Provider)
        {
            case StoreProviders.Embedded:
                var path = settings.EmbeddedPath ?? throw new ArgumentException("the embedded store needs a file path");
                var file = SqliteGraphStore.OpenFile(path);
                return new Stores(file, new SqliteAccessStore(file, time), path, file);
            case StoreProviders.Neo4j:
                var connection = settings.Neo4j ?? throw new ArgumentException("the Neo4j store needs a connection");
                var server = new Neo4jGraphStore(http(), connection, availability, log, settings.Resilience, settings.BatchSize, time);
                return new Stores(server, new Neo4jAccessStore(server), $"Neo4j at {connection.BaseUri} ({connection.Database})", null);
            default:
                throw new ArgumentException($"'{settings.Provider}' is not a store provider: use {string.Join(" or ", StoreProviders.All)}");
        }
    }

    /// <summary>A private in-memory store with its access records, for work on a seed folder that must not touch a real store.</summary>
    public static Stores InMemory(SqliteGraphStore store, string name, TimeProvider time) => new(store, new SqliteAccessStore(store, time), name, store);
}
