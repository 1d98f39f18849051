using ChainMatch.Api.Graph;

namespace ChainMatch.Api.Infrastructure;

public static class HealthApi
{
    public sealed record Health(string Status, DateTimeOffset? GraphLoadedAt, int Chains, int Segments, int Firms);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (GraphSnapshot snapshot) =>
        {
            var graph = snapshot.Current;
            return TypedResults.Ok(new Health("healthy", snapshot.LoadedAt, graph.Chains.Length, graph.Segments.Length, graph.Firms.Length));
        }).WithTags("Health");
        return app;
    }
}
