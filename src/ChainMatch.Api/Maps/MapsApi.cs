using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using System.Text;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Maps;

public static class MapsApi
{
    public static IEndpointRouteBuilder MapMapsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Status maps and gaps").Require(Permission.ReadMaps);
        api.MapGet("/chains/{chainId}/status/{regionCode}.svg", GetStatusMapSvg)
            .WithSummary("The status map as an SVG picture for reports: stages left to right, segments coloured by status, links as arrows; ?lang=zh|en.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/chains/{chainId}/status/{regionCode}.png", GetStatusMapPng)
            .WithSummary("The same status map drawn from its SVG to PNG on the server, at twice the SVG's size; ?lang=zh|en.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record SvgQuery(string chainId, string regionCode, string? asOf, string? lang) : IScopedRequest
    {
        public IEnumerable<ScopeDemand> ScopeDemands() => [ScopeDemand.Chain(nameof(chainId), chainId), ScopeDemand.Region(nameof(regionCode), regionCode)];
    }

    // No attachment disposition: the URL opens as a picture in a browser and works as an <img> source.
    static Results<FileContentHttpResult, ValidationProblem> GetStatusMapSvg([AsParameters] SvgQuery q, GraphSnapshot snapshot, TimeProvider time) =>
        Draw(q, snapshot, time, svg => TypedResults.Bytes(Encoding.UTF8.GetBytes(svg), "image/svg+xml; charset=utf-8"));

    static Results<FileContentHttpResult, ValidationProblem> GetStatusMapPng([AsParameters] SvgQuery q, GraphSnapshot snapshot, TimeProvider time) =>
        Draw(q, snapshot, time, svg => TypedResults.Bytes(PngStatusMap.Render(svg), "image/png"));

    static Results<FileContentHttpResult, ValidationProblem> Draw(SvgQuery q, GraphSnapshot snapshot, TimeProvider time, Func<string, FileContentHttpResult> answer)
    {
        var errors = Parameters.Errors();
        Parameters.Slug(q.chainId, nameof(q.chainId), errors);
        Parameters.RegionCode(q.regionCode, nameof(q.regionCode), errors);
        var asOf = Parameters.AsOfOrToday(q.asOf, nameof(q.asOf), errors, time, snapshot.Current);
        var language = q.lang switch
        {
            null or "zh" => MapLanguage.Zh,
            "en" => MapLanguage.En,
            _ => (MapLanguage?)null,
        };
        if (language is null) errors[nameof(q.lang)] = ["'lang' must be zh or en"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        // One snapshot for the report and the names, so a swap mid-request cannot mix two graphs.
        var graph = snapshot.Current;
        var report = GapReports.StatusMap(graph, new ChainId(q.chainId), new RegionCode(q.regionCode), asOf);
        return answer(SvgStatusMap.Render(StatusMapPicture.Build(graph, report, language!.Value)));
    }
}
