using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Api.Maps;

/// <summary>One box: a segment of the chain, or a stub standing for a segment of another chain that a link reaches.</summary>
public sealed record MapBox(
    string Id, string Label, Stage Stage, MapStatus? Status, int LocalFirms, string Caption, string Tooltip, bool IsStub,
    IReadOnlyList<string>? OtherChainIds = null);

public sealed record MapArrow(string From, string To, bool CrossChain);

/// <summary>Everything a status map picture shows, in one language, before any drawing.</summary>
public sealed record StatusMapPicture(
    string Title, string Subtitle, string Summary, MapLabels Labels, IReadOnlyList<MapBox> Boxes, IReadOnlyList<MapArrow> Arrows)
{
    public static StatusMapPicture Build(ChainGraph graph, StatusMapReport report, MapLanguage language)
    {
        var labels = MapLabels.For(language);
        var chain = graph.FindChain(new ChainId(report.Chain))!;
        var region = graph.FindRegion(new RegionCode(report.Region))!;
        var members = chain.Segments.ToHashSet();

        var boxes = report.Segments.Select(s =>
        {
            var status = MapStatuses.Of(s.Status, s.GapKind);
            var name = labels.Name(s.Name, s.NameEn);
            var caption = $"{labels.Status(status)} · {labels.Firms(s.LocalFirms.Count)}";
            var tooltip = string.Join("\n", new[] { name, caption }.Concat(s.Reasons.Select(r => ReasonText.Render(r, language == MapLanguage.En ? Language.En : Language.Zh))));
            return new MapBox(s.Id, name, s.Stage, status, s.LocalFirms.Count, caption, tooltip, IsStub: false);
        }).ToList();

        var links = chain.Segments.SelectMany(s => graph.FeedsFrom(s).Concat(graph.FeedsInto(s))).Distinct().ToList();
        var arrows = links
            .Select(f => new MapArrow(f.From.Value, f.To.Value, !members.Contains(f.From) || !members.Contains(f.To)))
            .ToList();

        // A cross-chain link ends at a stub named after the other segment and the chain(s) it belongs to.
        var stubs = links.SelectMany(f => new[] { f.From, f.To })
            .Where(id => !members.Contains(id))
            .Distinct()
            .Select(id =>
            {
                var segment = graph.FindSegment(id)!;
                var others = graph.ChainsOf(id).Where(c => c.Id != chain.Id).ToList();
                var name = labels.Name(segment.Name, segment.NameEn);
                var caption = labels.OtherChains(others.Select(c => labels.Name(c.Name, c.NameEn)));
                return new MapBox(id.Value, name, segment.Stage, null, 0, caption, $"{name}\n{caption}", IsStub: true,
                    others.Select(c => c.Id.Value).ToList());
            });
        boxes.AddRange(stubs);

        var chainName = labels.Name(chain.Name, chain.NameEn);
        var regionName = labels.Name(region.Name, region.NameEn);
        var summary = string.Join(" · ", new[]
        {
            (MapStatus.Present, report.Summary.Present), (MapStatus.Weak, report.Summary.Weak),
            (MapStatus.Missing, report.Summary.Missing), (MapStatus.Unverified, report.Summary.Unverified),
        }.Select(p => $"{labels.Status(p.Item1)} {p.Item2}"));
        return new StatusMapPicture(labels.Title(chainName, regionName), labels.AsOf(report.AsOf), summary, labels, boxes, arrows);
    }
}
