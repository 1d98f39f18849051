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
            // A body cut off at the cap while it streamed in (chunked, no length declared) ends up here without the handler: name the limit all the same.
            if (c.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge && !c.ProblemDetails.Extensions.ContainsKey("limit"))
            {
                var setting = RequestLimits.SettingFor(c.HttpContext);
                c.ProblemDetails.Extensions["limit"] = setting;
                c.ProblemDetails.Detail ??= $"The body is over this endpoint's limit ({LimitOptions.Section}:{setting}).";
            }
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // No "Server: Kestrel": the answer need not say what runs it.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            ReportJson.Configure(o.SerializerOptions);
            // {"region":"530100","region":"530300"} is refused, not read as whichever comes last.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        // A body that does not bind raises, in every environment, so the exception handler can name the field.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.AddChainMatchAccess(builder.Configuration);
        builder.Services.AddChainMatchLimits(builder.Configuration);
        return builder;
    }

    /// <summary>Logging, problem details and who the caller is: everything that runs before the web UI's static files.</summary>
    public static WebApplication UseChainMatchApi(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
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
