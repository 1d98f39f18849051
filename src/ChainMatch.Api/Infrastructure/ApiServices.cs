using ChainMatch.Api.Access;
using ChainMatch.Domain;
using ChainMatch.Domain.Access;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Cross-cutting wiring in one place: logging, problem details, JSON shape, OpenAPI.</summary>
public static class ApiServices
{
    public static WebApplicationBuilder AddChainMatchApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddChainMatchLogging();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // No route matched (an empty or malformed path segment): say which address, as a handler's 404 names the unknown id.
            if (c.ProblemDetails.Status == StatusCodes.Status404NotFound && c.ProblemDetails.Detail is null && c.HttpContext.GetEndpoint() is null)
                c.ProblemDetails.Detail = $"nothing is served at {c.HttpContext.Request.Path}";
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            ReportJson.Configure(o.SerializerOptions);
            // {"region":"530100","region":"530300"} is refused, not read as whichever comes last.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddChainMatchAccess(builder.Configuration);
        builder.Services.AddChainMatchLimits(builder.Configuration);
        return builder;
    }

    /// <summary>Logging, problem details and who the caller is: everything that runs before the web UI's static files.</summary>
    public static WebApplication UseChainMatchApi(this WebApplication app)
    {
        app.UseChainMatchRequestLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseMiddleware<UiGate>();
        return app;
    }

    /// <summary>
    /// After the static files: routing, permission, one value per query parameter, then limits, before any endpoint runs;
    /// scope is checked by each endpoint on the values it bound (see <see cref="ScopeFilter"/>).
    /// </summary>
    public static WebApplication UseChainMatchEndpoints(this WebApplication app)
    {
        app.UseRouting();
        app.UseAuthorization();
        app.UseMiddleware<QueryValues>();
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        app.UseMiddleware<BodySizeLimit>();
        app.MapOpenApi().Require(Permission.ReadMaps);
        return app;
    }
}
