using System.Text.Json;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Access;

/// <summary>Records a write inside its transaction: who, when, what, and the values before and after.</summary>
public sealed class AuditLog(IAccessStore access, IOptions<JsonOptions> json, TimeProvider time)
{
    public Task RecordAsync(string actor, string action, string target, object? before, object? after, CancellationToken ct) =>
        access.AppendAsync(Entry(actor, action, target, before, after), ct);

    /// <summary>The entry with its values serialised: a value that does not serialise throws here, before anything is written.</summary>
    public AuditEntry Entry(string actor, string action, string target, object? before, object? after) =>
        new(0, time.GetUtcNow(), actor, action, target, Json(before), Json(after));

    public Task AppendAsync(AuditEntry entry, CancellationToken ct) => access.AppendAsync(entry, ct);

    string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
}

/// <summary>
/// What a write endpoint changes: a name for its target, and how to read that target's value from a graph (the one
/// before the write, then the merged one inside its transaction). Without a reader, the entry's value after is the rows written.
/// </summary>
public sealed record AuditTarget(Func<HttpContext, string> Name, Func<HttpContext, ChainGraph, object?>? Read = null);

public static class AuditedEndpoints
{
    /// <summary>
    /// Marks the endpoint's writes as audited under <paramref name="target"/>. <see cref="Graph.GraphWrites"/> records the
    /// entry inside the write's transaction and refuses to write for an endpoint without one.
    /// </summary>
    public static RouteHandlerBuilder Audited(this RouteHandlerBuilder builder, AuditTarget target) => builder.WithMetadata(target);

    /// <summary>Who writes, through which route, and the endpoint's audit target; throws for an endpoint that is not audited.</summary>
    public static (string Actor, string Action, AuditTarget Target) Of(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var target = endpoint?.Metadata.GetMetadata<AuditTarget>()
            ?? throw new InvalidOperationException($"{http.Request.Method} {http.Request.Path} writes but is not audited: add .Audited(...) to its route");
        return (new Caller(http.User).Name, $"{http.Request.Method} {(endpoint as RouteEndpoint)?.RoutePattern.RawText}", target);
    }
}
