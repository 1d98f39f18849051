using System.Text;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Access;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Access;

/// <summary>The audit log for admins: filtered as JSON, or exported as CSV.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Access");
        api.MapGet("/audit", List).Require(Permission.Administer)
            .WithSummary("Every write: who, when, what and the values before and after; filter by actor, action, target (substrings) and from/to dates. Read by admins for all regions.");
        api.MapGet("/audit.csv", Csv).Require(Permission.Administer).WithSummary("The same entries as CSV.");
        return app;
    }

    public sealed record AuditFilter(string? actor, string? action, string? target, string? from, string? to, int? limit);

    static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ValidationProblem>> List([AsParameters] AuditFilter f, IAccessStore access, Caller caller, CancellationToken ct)
    {
        DemandAuditLog(caller);
        var errors = Parameters.Errors();
        var query = Parse(f, errors);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await access.QueryAuditAsync(query!, ct));
    }

    static async Task<Results<FileContentHttpResult, ValidationProblem>> Csv([AsParameters] AuditFilter f, IAccessStore access, Caller caller, CancellationToken ct)
    {
        DemandAuditLog(caller);
        var errors = Parameters.Errors();
        var query = Parse(f, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var rows = (await access.QueryAuditAsync(query!, ct))
            .Select(e => new object?[] { e.Seq, e.At.UtcDateTime.ToString("O"), e.Actor, e.Action, e.Target, e.Before, e.After });
        var csv = LeadCsv.Write(["seq", "at", "actor", "action", "target", "before", "after"], rows);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "audit.csv");
    }

    static void DemandAuditLog(Caller caller)
    {
        if (!caller.Scope.ReadsAuditLog)
            throw new AccessDeniedException($"the audit log spans every region's writes; it is read by an admin for all regions, not {caller.Scope.Text}");
    }

    static AuditQuery? Parse(AuditFilter f, Dictionary<string, string[]> errors)
    {
        DateOnly? Day(string? text, string name) => text is null ? null : Parameters.Date(text, name, errors);
        static DateTimeOffset Start(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        DateTimeOffset? from = Day(f.from, "from") is { } a ? Start(a) : null;
        // "to" includes the whole day; the last representable day has no day after it, so it bounds nothing.
        DateTimeOffset? to = Day(f.to, "to") is { } b && b < DateOnly.MaxValue ? Start(b.AddDays(1)) : null;
        if (f.limit is < 1 or > 100_000) errors["limit"] = ["'limit' must be between 1 and 100000"];
        return errors.Count > 0 ? null : new AuditQuery(f.actor, f.action, f.target, from, to, f.limit ?? 1000);
    }
}
