using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Dashboard;

/// <summary>The leadership view's figures: the period's KPIs against the year before, and the chain prefecture by prefecture.</summary>
public static class DashboardApi
{
    public static IServiceCollection AddChainMatchDashboard(this IServiceCollection services) => DashboardOptions.Add(services);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("Dashboard");
        api.MapGet("/", Kpis).Require(Permission.ReadProjects)
            .WithSummary("The period's figures (projects signed, agreed investment, funds in place, ...) and the same period a year earlier, each with its definition.");
        api.MapGet("/prefectures", Prefectures).Require(Permission.ReadMaps)
            .WithSummary("Per prefecture under the region (or the region alone): the chain's completeness, gaps and the year's signed investment.");
        api.MapGet("/boundary", Boundary).Require(Permission.ReadMaps)
            .WithSummary("The prefecture boundaries the map draws (Dashboard:BoundaryFile, or the bundled file).");
        return app;
    }

    public sealed record KpiQuery(string? region, string? chain, string? from, string? to) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record PrefectureQuery(string? region, string? chain, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record KpiReport(string Region, string RegionName, string? Chain, Period Period, Period PreviousYear, IReadOnlyList<KpiFigure> Kpis);

    public sealed record PrefectureReport(string Region, string RegionName, string Chain, DateOnly AsOf, IReadOnlyList<PrefectureFigure> Prefectures);

    static Results<Ok<KpiReport>, ValidationProblem> Kpis([AsParameters] KpiQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var region = q.region ?? caller.DefaultRegion ?? options.Value.Province;
        Parameters.RegionCode(region, nameof(q.region), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var to = q.to is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : Parameters.Date(q.to, nameof(q.to), errors);
        var from = q.from is null ? new DateOnly(to.Year, 1, 1) : Parameters.Date(q.from, nameof(q.from), errors);
        if (errors.Count == 0 && from > to) errors[nameof(q.from)] = [$"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd})"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var graph = snapshot.Current;
        var period = new Period(from, to);
        var kpis = InvestmentKpis.For(graph, new RegionCode(region), period, q.chain is null ? null : new ChainId(q.chain));
        return TypedResults.Ok(new KpiReport(region, graph.FindRegion(new RegionCode(region))!.Name, q.chain, period, period.PreviousYear(), kpis));
    }

    static Results<Ok<PrefectureReport>, ValidationProblem> Prefectures([AsParameters] PrefectureQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var region = q.region ?? caller.DefaultRegion ?? options.Value.Province;
        Parameters.RegionCode(region, nameof(q.region), errors);
        Parameters.Slug(q.chain, nameof(q.chain), errors);
        var graph = snapshot.Current;
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, graph);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rows = PrefectureFigures.For(graph, new RegionCode(region), new ChainId(q.chain!), asOf);
        return TypedResults.Ok(new PrefectureReport(region, graph.FindRegion(new RegionCode(region))!.Name, q.chain!, asOf, rows));
    }

    static Results<PhysicalFileHttpResult, ProblemHttpResult> Boundary(IOptions<DashboardOptions> options, IWebHostEnvironment environment)
    {
        var path = options.Value.BoundaryFile ?? Path.Combine(environment.WebRootPath ?? environment.ContentRootPath, "vendor", "yunnan.json");
        return File.Exists(path)
            ? TypedResults.PhysicalFile(Path.GetFullPath(path), "application/json")
            : TypedResults.Problem($"no boundary file at {path}: run `make assets`, or set Dashboard:BoundaryFile", statusCode: StatusCodes.Status404NotFound);
    }
}
