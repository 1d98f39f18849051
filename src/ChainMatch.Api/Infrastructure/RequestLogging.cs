using ChainMatch.Api.Access;
using Serilog;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Serilog for the service: levels per namespace from configuration, and one event per request saying who called what.</summary>
public static class RequestLogging
{
    /// <summary>
    /// Serilog as configured under <c>Serilog</c> (<c>MinimumLevel:Override</c> sets a namespace's level), plus any sink
    /// registered as a service. The static <see cref="Log.Logger"/> is left alone: each app in a test process has its own.
    /// </summary>
    public static IServiceCollection AddChainMatchLogging(this IServiceCollection services) =>
        services.AddSerilog((provider, log) => log.ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>()).ReadFrom.Services(provider),
            preserveStaticLogger: true);

    /// <summary>Method, path and query, route pattern, status, elapsed ms and the caller's id, role and region on every request's event.</summary>
    public static WebApplication UseChainMatchRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath}{QueryString} responded {StatusCode} in {Elapsed:0.0} ms for {CallerId}";
            o.EnrichDiagnosticContext = Enrich;
        });
        return app;
    }

    static void Enrich(IDiagnosticContext diagnostic, HttpContext context)
    {
        // Serilog's own IncludeQueryInRequestPath reads the raw target, which not every server sets.
        diagnostic.Set("QueryString", context.Request.QueryString.ToString());
        // Null for what no endpoint answers: static files, the web UI's pages, unknown paths.
        diagnostic.Set("RoutePattern", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        var caller = new Caller(context.User);
        diagnostic.Set("CallerId", caller.Id);
        diagnostic.Set("CallerRole", caller.Role?.Name);
        diagnostic.Set("CallerRegion", caller.Region);
    }
}
