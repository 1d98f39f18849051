using System.Diagnostics;

namespace ChainMatch.Api.Infrastructure;

/// <summary>One structured line per request with its status and timing (Serilog.AspNetCore cannot be restored here).</summary>
sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var status = context.Response.StatusCode;
            log.Log(status >= 500 ? LogLevel.Error : LogLevel.Information,
                "HTTP {Method} {Path}{Query} responded {StatusCode} in {ElapsedMs:0.0} ms",
                context.Request.Method, context.Request.Path.Value, context.Request.QueryString.Value, status, elapsed);
        }
    }
}
