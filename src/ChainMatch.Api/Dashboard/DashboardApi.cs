using System.Text.Json;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Dashboard;

/// <summary>The leadership view's figures: the period's KPIs against the year before, the lists behind them, the chain prefecture by prefecture and year by year.</summary>
public static class DashboardApi
{
    public static IServiceCollection AddChainMatchDashboard(this IServiceCollection services) => DashboardOptions.Add(services);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dashboard").WithTags("Dashboard");
        api.MapGet("/", Kpis).Require(Permission.ReadProjects)
            .WithSummary("The period's figures (projects signed, agreed investment, funds in place, ...) and the same period a year earlier, each with its definition.");
        api.MapGet("/list", List).Require(Permission.ReadProjects)
            .WithSummary("The list behind one figure of GET /api/dashboard: the projects it counts or sums, or the gaps it counts.");
        api.MapGet("/prefectures", Prefectures).Require(Permission.ReadMaps)
            .WithSummary("Per prefecture under the region (or the region alone): the chain's completeness, gaps and the year's signed investment.");
        api.MapGet("/trend", Trend).Require(Permission.ReadMaps)
            .WithSummary("Each chain's completeness in the region as of 31 December year by year (the last year as of asOf).");
        api.MapGet("/boundary", Boundary).Require(Permission.ReadMaps)
            .WithSummary("The prefecture boundaries the map draws (Dashboard:BoundaryFile, or the bundled file).");
        app.MapBulletinApi();
        return app;
    }

    public sealed record KpiQuery(string? region, string? chain, string? from, string? to) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record ListQuery(string? kpi, string? region, string? chain, string? from, string? to) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record PrefectureQuery(string? region, string? chain, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    /// <summary>Without a chain: every chain the caller may see. Years from <see cref="fromYear"/> (default nine years before asOf's) to asOf's.</summary>
    public sealed record TrendQuery(string? region, string? chain, string? fromYear, string? asOf) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(region), region), ScopeDemand.Chain(nameof(chain), chain)];
    }

    public sealed record KpiReport(string Region, string RegionName, string? Chain, Period Period, Period PreviousYear, IReadOnlyList<KpiFigure> Kpis);

    public sealed record KpiList(string Region, string RegionName, string? Chain, Period Period, string Kpi, string Unit, string Definition, double Value, IReadOnlyList<KpiItem> Items);

    public sealed record PrefectureReport(string Region, string RegionName, string Chain, DateOnly AsOf, IReadOnlyList<PrefectureFigure> Prefectures);

    public sealed record TrendReport(string Region, string RegionName, DateOnly AsOf, IReadOnlyList<ChainTrend> Chains);

    /// <summary>A KPI as the API writes it: "projects-signed".</summary>
    public static string Name(Kpi kpi) => JsonNamingPolicy.KebabCaseLower.ConvertName(kpi.ToString());

    static Results<Ok<KpiReport>, ValidationProblem> Kpis([AsParameters] KpiQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var region = RegionOf(q.region, caller, options, errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var period = PeriodOf(q.from, q.to, time, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var graph = snapshot.Current;
        var kpis = InvestmentKpis.For(graph, new RegionCode(region), period, ChainOf(q.chain));
        return TypedResults.Ok(new KpiReport(region, graph.FindRegion(new RegionCode(region))!.Name, q.chain, period, period.PreviousYear(), kpis));
    }

    static Results<Ok<KpiList>, ValidationProblem> List([AsParameters] ListQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var kpi = Enum.GetValues<Kpi>().Cast<Kpi?>().FirstOrDefault(k => Name(k!.Value) == q.kpi);
        if (kpi is null) errors[nameof(q.kpi)] = [$"'{q.kpi}' is not a figure: use one of {string.Join(", ", Enum.GetValues<Kpi>().Select(Name))}"];
        var region = RegionOf(q.region, caller, options, errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var period = PeriodOf(q.from, q.to, time, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var graph = snapshot.Current;
        var k = kpi!.Value;
        var items = InvestmentKpis.Behind(graph, new RegionCode(region), period, k, ChainOf(q.chain));
        var value = InvestmentKpis.IsAmount(k) ? items.Sum(i => i.Amount ?? 0) : items.Count;
        return TypedResults.Ok(new KpiList(region, graph.FindRegion(new RegionCode(region))!.Name, q.chain, period, Name(k),
            InvestmentKpis.Definitions[k].Unit, InvestmentKpis.Definitions[k].Definition, value, items));
    }

    static Results<Ok<PrefectureReport>, ValidationProblem> Prefectures([AsParameters] PrefectureQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var region = RegionOf(q.region, caller, options, errors);
        Parameters.Slug(q.chain, nameof(q.chain), errors);
        var graph = snapshot.Current;
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, graph);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var rows = PrefectureFigures.For(graph, new RegionCode(region), new ChainId(q.chain!), asOf);
        return TypedResults.Ok(new PrefectureReport(region, graph.FindRegion(new RegionCode(region))!.Name, q.chain!, asOf, rows));
    }

    static Results<Ok<TrendReport>, ValidationProblem> Trend([AsParameters] TrendQuery q, GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        var region = RegionOf(q.region, caller, options, errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var graph = snapshot.Current;
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, graph);
        var fromYear = asOf.Year - 9;
        if (q.fromYear is not null)
        {
            var years = RecordedYears.Of(graph, DateOnly.FromDateTime(time.GetLocalNow().Date).Year);
            if (!int.TryParse(q.fromYear, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fromYear)
                || fromYear < years.First || fromYear > asOf.Year || asOf.Year - fromYear >= CompletenessTrend.MaxYears)
                errors[nameof(q.fromYear)] = [$"'{q.fromYear}' is not a year from {Math.Max(years.First, asOf.Year - CompletenessTrend.MaxYears + 1)} to {asOf.Year}"];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        IReadOnlyList<ChainId> chains = q.chain is not null ? [new ChainId(q.chain)]
            : [.. graph.Chains.Where(c => caller.Chains is null || caller.Chains.Contains(c.Id.Value)).Select(c => c.Id)];
        var trend = CompletenessTrend.For(graph, new RegionCode(region), chains, fromYear, asOf);
        return TypedResults.Ok(new TrendReport(region, graph.FindRegion(new RegionCode(region))!.Name, asOf, trend));
    }

    static Results<PhysicalFileHttpResult, ProblemHttpResult> Boundary(IOptions<DashboardOptions> options, IWebHostEnvironment environment)
    {
        var path = options.Value.BoundaryFile ?? Path.Combine(environment.WebRootPath ?? environment.ContentRootPath, "vendor", "yunnan.json");
        return File.Exists(path)
            ? TypedResults.PhysicalFile(Path.GetFullPath(path), "application/json")
            : TypedResults.Problem($"no boundary file at {path}: run `make assets`, or set Dashboard:BoundaryFile", statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>The region asked for; left out, the caller's own (the configured province for a caller who sees every region).</summary>
    internal static string RegionOf(string? asked, Caller caller, IOptions<DashboardOptions> options, Dictionary<string, string[]> errors)
    {
        var region = asked ?? caller.DefaultRegion ?? options.Value.Province;
        Parameters.RegionCode(region, "region", errors);
        return region;
    }

    /// <summary>From 1 January to today unless given; both ends YYYY-MM-DD, the start not after the end.</summary>
    static Period PeriodOf(string? fromText, string? toText, TimeProvider time, Dictionary<string, string[]> errors)
    {
        var to = toText is null ? DateOnly.FromDateTime(time.GetLocalNow().Date) : Parameters.Date(toText, "to", errors);
        var from = fromText is null ? new DateOnly(to.Year, 1, 1) : Parameters.Date(fromText, "from", errors);
        if (errors.Count == 0 && from > to) errors["from"] = [$"'from' ({from:yyyy-MM-dd}) is after 'to' ({to:yyyy-MM-dd})"];
        return new Period(from, to);
    }

    internal static ChainId? ChainOf(string? chain) => chain is null ? null : new ChainId(chain);
}
