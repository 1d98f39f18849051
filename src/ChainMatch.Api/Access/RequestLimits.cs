using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Access;

/// <summary>
/// Request size limits, per-caller rate limits on expensive endpoints and request timeouts; a limit hit is a 413, 429 or
/// 504 problem details response that names the limit and its configuration key.
/// </summary>
public static class RequestLimits
{
    public const string Expensive = "expensive";

    public static IServiceCollection AddChainMatchLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LimitOptions>().BindConfiguration(LimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();

        services.AddRateLimiter(o =>
        {
            // One window per caller (key, token subject or session), so one busy team does not starve another.
            o.AddPolicy(Expensive, context => RateLimitPartition.GetFixedWindowLimiter(new Caller(context.User).Id, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.ExpensivePermits,
                Window = TimeSpan.FromSeconds(limits.ExpensiveWindowSeconds),
                QueueLimit = 0,
            }));
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? (int)Math.Ceiling(after.TotalSeconds) : limits.ExpensiveWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString();
                await Problem(context.HttpContext, StatusCodes.Status429TooManyRequests, "Rate limit reached",
                    $"The '{Expensive}' limit allows {limits.ExpensivePermits} requests per {limits.ExpensiveWindowSeconds} s per caller " +
                    $"({LimitOptions.Section}:ExpensivePermits); try again in {retry} s.", Expensive);
            };
        });

        services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = Timeout("default", limits.RequestTimeoutSeconds, "RequestTimeoutSeconds");
            o.AddPolicy(Expensive, Timeout(Expensive, limits.ExpensiveTimeoutSeconds, "ExpensiveTimeoutSeconds"));
        });
        return services;
    }

    static RequestTimeoutPolicy Timeout(string name, int seconds, string setting) => new()
    {
        Timeout = TimeSpan.FromSeconds(seconds),
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = context => Problem(context, StatusCodes.Status504GatewayTimeout, "Request timed out",
            $"The '{name}' timeout of {seconds} s ({LimitOptions.Section}:{setting}) passed before the answer was ready.", name),
    };

    /// <summary>An expensive endpoint: rate limited per caller, with the longer timeout.</summary>
    public static RouteHandlerBuilder AsExpensive(this RouteHandlerBuilder builder) =>
        builder.RequireRateLimiting(Expensive).WithMetadata(new RequestTimeoutAttribute(Expensive));

    /// <summary>The body limit that applies to the request's endpoint: the import one for file uploads, else the default.</summary>
    public static string SettingFor(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<TakesFilesMetadata>() is not null ? "MaxImportBytes" : "MaxBodyBytes";

    /// <summary>An endpoint that takes whole files: the import size limit instead of the default one.</summary>
    public static RouteHandlerBuilder TakesFiles(this RouteHandlerBuilder builder) => builder.WithMetadata(new TakesFilesMetadata());

    public static async Task Problem(HttpContext context, int status, string title, string detail, string limit)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["limit"] = limit } },
        });
    }
}

sealed record TakesFilesMetadata;

/// <summary>
/// Refuses a body over the endpoint's limit before it is read (by its declared length) and caps what the server will read
/// of a body without one; Kestrel then stops at the cap and the exception handler answers 413.
/// </summary>
sealed class BodySizeLimit(RequestDelegate next, IOptions<LimitOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var setting = RequestLimits.SettingFor(context);
        var limit = setting == "MaxImportBytes" ? options.Value.MaxImportBytes : options.Value.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
            return RequestLimits.Problem(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
                $"The body is {context.Request.ContentLength:N0} bytes; this endpoint takes at most {limit:N0} ({LimitOptions.Section}:{setting}).", setting);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max) max.MaxRequestBodySize = limit;
        return next(context);
    }
}
