using ChainMatch.Api.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Infrastructure;

public static class HealthApi
{
    /// <summary>
    /// <c>healthy</c>, or <c>degraded</c> when the store cannot take writes: reads still come from the projection
    /// loaded at <see cref="GraphLoadedAt"/>, and <see cref="Reason"/> says what is wrong since <see cref="Since"/>.
    /// <see cref="Sqlite"/> is the SQLite engine's version: the keys and audit log live in SQLite whatever the graph store.
    /// </summary>
    public sealed record Health(string Status, string Store, string? Reason, DateTimeOffset? Since, DateTimeOffset? GraphLoadedAt, int Chains, int Segments, int Firms,
        string Sqlite);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth).WithTags("Health").AllowAnonymous();
        return app;
    }

    static Ok<Health> GetHealth(GraphSnapshot snapshot, StoreAvailability availability, IOptions<GraphOptions> options)
    {
        var graph = snapshot.Current;
        var store = availability.Current;
        return TypedResults.Ok(new Health(store.IsAvailable ? "healthy" : "degraded", options.Value.Provider,
            store.Reason, store.IsAvailable ? null : store.Since, snapshot.LoadedAt, graph.Chains.Length, graph.Segments.Length, graph.Firms.Length,
            SqliteEngine.Version));
    }
}
