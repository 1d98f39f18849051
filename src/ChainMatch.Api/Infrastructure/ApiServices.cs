using ChainMatch.Domain;
using Serilog;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Cross-cutting wiring in one place: logging, problem details, JSON shape, OpenAPI.</summary>
public static class ApiServices
{
    public static WebApplicationBuilder AddChainMatchApi(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            // No route matched (an empty or malformed path segment): say which address, as a handler's 404 names the unknown id.
            if (c.ProblemDetails.Status == StatusCodes.Status404NotFound && c.ProblemDetails.Detail is null && c.HttpContext.GetEndpoint() is null)
                c.ProblemDetails.Detail = $"nothing is served at {c.HttpContext.Request.Path}";
        });
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => ReportJson.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseChainMatchApi(this WebApplication app)
    {
        app.UseMiddleware<RequestLogging>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        return app;
    }
}
