using System.Globalization;
using System.Text;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Maps;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ChainMatch.Api.Dashboard;

/// <summary>The monthly bulletin (招商工作简报) of a region as a PDF, or as printable HTML (?format=html, or Accept: text/html).</summary>
public static class BulletinApi
{
    public static IEndpointRouteBuilder MapBulletinApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/regions/{regionCode}/bulletin", Get).WithTags("Dashboard").Require(Permission.ReadProjects)
            .WithSummary("The month's bulletin (招商工作简报): figures against the same month last year, signings, new leads, gaps healed and new, overdue problems and the chains' status maps; PDF, or HTML with ?format=html.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem();
        return app;
    }

    /// <summary>Without a month: the last whole month. Without a chain: every chain the caller may see.</summary>
    public sealed record BulletinQuery(string regionCode, string? month, string? chain, string? format) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Region(nameof(regionCode), regionCode), ScopeDemand.Chain(nameof(chain), chain)];
    }

    static Results<FileContentHttpResult, ContentHttpResult, ValidationProblem, ProblemHttpResult> Get([AsParameters] BulletinQuery q, HttpRequest request,
        GraphSnapshot snapshot, Caller caller, IOptions<DashboardOptions> options, TimeProvider time)
    {
        var errors = Parameters.Errors();
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        if (q.chain is not null) Parameters.Slug(q.chain, nameof(q.chain), errors);
        var graph = snapshot.Current;
        var today = DateOnly.FromDateTime(time.GetLocalNow().Date);
        var month = today.AddDays(1 - today.Day).AddMonths(-1);
        if (q.month is not null)
        {
            var years = RecordedYears.Of(graph, today.Year);
            if (!DateOnly.TryParseExact(q.month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month) || q.month.Length != 7)
                errors[nameof(q.month)] = [$"'{q.month}' is not a month: use YYYY-MM"];
            else if (!years.Contains(month))
                errors[nameof(q.month)] = [$"'{q.month}' is outside the graph's years: use a month from {years.First} to {years.Last}"];
        }
        var html = q.format switch
        {
            "html" => true,
            "pdf" => false,
            null => PrefersHtml(request),
            _ => (bool?)null,
        };
        if (html is null) errors[nameof(q.format)] = ["'format' must be pdf or html"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var chain = DashboardApi.ChainOf(q.chain);
        var bulletin = Bulletin.For(graph, new RegionCode(q.regionCode), month.Year, month.Month, chain);
        var chains = chain is { } c ? [graph.FindChain(c)!]
            : graph.Chains.Where(x => caller.Chains is null || caller.Chains.Contains(x.Id.Value)).ToList();
        if (html == true)
            return TypedResults.Content(BulletinHtml.Render(bulletin, chains), "text/html; charset=utf-8", Encoding.UTF8);

        var font = options.Value.BulletinFont;
        if (!File.Exists(font))
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Bulletin font missing",
                detail: $"the bulletin's font file {font} does not exist: install Debian's fonts-arphic-gbsn00lp, or set Dashboard:BulletinFontFile to a TrueType font with Chinese glyphs");
        var maps = chains.Select(x => (Title: x.Name, Png: PngStatusMap.Render(SvgStatusMap.Render(StatusMapPicture.Build(graph,
            GapReports.StatusMap(graph, x.Id, new RegionCode(q.regionCode), bulletin.Period.To), MapLanguage.Zh))))).ToList();
        return TypedResults.File(BulletinPdf.Render(bulletin, font, maps), "application/pdf", $"bulletin-{q.regionCode}-{bulletin.Month}.pdf");
    }

    /// <summary>A browser opening the link asks for HTML first; anything else (curl, a download) gets the PDF.</summary>
    static bool PrefersHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var best = accept.Where(a => a.Quality is not 0).OrderByDescending(a => a.Quality ?? 1)
            .FirstOrDefault(a => a.MediaType == "text/html" || a.MediaType == "application/pdf");
        return best?.MediaType == "text/html";
    }
}
