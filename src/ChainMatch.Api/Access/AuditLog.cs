using System.Text.Json;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Access;

/// <summary>Records a write once the store has taken it: who, when, what, and the values before and after.</summary>
public sealed class AuditLog(AccessStore access, IOptions<JsonOptions> json, TimeProvider time)
{
    public Task RecordAsync(string actor, string action, string target, object? before, object? after, CancellationToken ct) =>
        access.AppendAsync(new AuditEntry(0, time.GetUtcNow(), actor, action, target, Json(before), Json(after)), ct);

    string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
}

/// <summary>What a write endpoint changes: a name for its target, and how to read that target's current value.</summary>
public sealed record AuditTarget(Func<HttpContext, string> Name, Func<HttpContext, object?>? Read = null);

public static class AuditedEndpoints
{
    /// <summary>
    /// Audits the endpoint: reads the target before the handler runs and, after a 2xx answer, records the entry with what
    /// the endpoint returned as the value after. The write is in the store first; if the audit append then fails, the
    /// caller gets a 500 that says so and the error is logged.
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, AuditTarget target) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var before = target.Read?.Invoke(http);
            var result = await next(context);
            var inner = result;
            while (inner is INestedHttpResult nested) inner = nested.Result;
            var status = inner is IStatusCodeHttpResult { StatusCode: { } s } ? s : StatusCodes.Status200OK;
            if (status is < 200 or > 299) return result;
            var after = inner is IValueHttpResult v ? v.Value : target.Read?.Invoke(http);
            var action = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";
            await http.RequestServices.GetRequiredService<AuditLog>()
                .RecordAsync(new Caller(http.User).Name, action, target.Name(http), before, after, CancellationToken.None);
            return result;
        }).WithMetadata(target);
}
