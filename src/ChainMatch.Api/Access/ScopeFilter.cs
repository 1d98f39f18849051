using ChainMatch.Api.Graph;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Access;

/// <summary>
/// A request record (route and query values bound with [AsParameters], or a JSON body) whose values name regions, chains
/// or segments. The scope filter demands exactly the values the handler was given, so no second reading of the request
/// can disagree with the one the handler acts on.
/// </summary>
public interface IScopedRequest
{
    IEnumerable<ScopeDemand> ScopeDemands();
}

static class ScopeFilter
{
    /// <summary>Checks every bound <see cref="IScopedRequest"/> argument against the caller's scope before the handler runs.</summary>
    public static TBuilder CheckScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var demands = context.Arguments.OfType<IScopedRequest>().SelectMany(a => a.ScopeDemands()).ToList();
            if (demands.Count > 0)
            {
                var graph = context.HttpContext.RequestServices.GetRequiredService<GraphSnapshot>().Current;
                new Caller(context.HttpContext.User).Scope.Demand(graph, demands);
            }
            return await next(context);
        });
}
