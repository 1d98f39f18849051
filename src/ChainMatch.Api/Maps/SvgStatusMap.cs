using System.Globalization;
using System.Xml.Linq;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Maps;

/// <summary>
/// Draws a <see cref="StatusMapPicture"/> as a standalone SVG: stage bands left to right, one box per segment coloured
/// by status, FEEDS links as arrows, cross-chain links dashed to stubs. Segment boxes are <c>g.segment</c> elements
/// carrying <c>data-segment</c> and <c>data-status</c>, so the web UI can make them clickable and tests can count them.
/// </summary>
public static class SvgStatusMap
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // CJK-capable fonts as found on Linux, macOS and Windows; the SVG embeds none.
    public const string FontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Heiti SC', sans-serif";

    const double BoxWidth = 152, BoxHeight = 64, StubHeight = 44, ColumnGap = 42, RowGap = 12, Margin = 24;
    const double HeaderHeight = 70, BandLabelHeight = 30, LegendHeight = 46, MinWidth = 820;
    const double LabelSize = 13, CaptionSize = 11;

    public static string Render(StatusMapPicture picture)
    {
        var layout = LayeredLayout.Arrange(
            picture.Boxes.Select(b => new LayoutNode(b.Id, b.Stage)).ToList(),
            picture.Arrows.Select(a => new LayoutEdge(a.From, a.To)).ToList());

        // Stubs are shorter than segment boxes, so the chain's own segments take most of the room.
        var boxes = picture.Boxes.ToDictionary(b => b.Id);
        double HeightOf(string id) => boxes[id].IsStub ? StubHeight : BoxHeight;
        var columnHeight = layout.Nodes.GroupBy(n => n.Column)
            .ToDictionary(g => g.Key, g => g.Sum(n => HeightOf(n.Id)) + (g.Count() - 1) * RowGap);
        var bodyHeight = columnHeight.Count == 0 ? BoxHeight : columnHeight.Values.Max();
        var bodyTop = HeaderHeight + BandLabelHeight;
        var width = Math.Max(MinWidth, 2 * Margin + layout.Columns * BoxWidth + Math.Max(0, layout.Columns - 1) * ColumnGap);
        var height = bodyTop + bodyHeight + Margin + LegendHeight;

        var position = new Dictionary<string, (double x, double y)>();
        foreach (var column in layout.Nodes.GroupBy(n => n.Column))
        {
            var y = bodyTop + (bodyHeight - columnHeight[column.Key]) / 2;
            foreach (var n in column.OrderBy(n => n.Row))
            {
                position[n.Id] = (Margin + n.Column * (BoxWidth + ColumnGap), y);
                y += HeightOf(n.Id) + RowGap;
            }
        }

        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
            new XAttribute("width", N(width)), new XAttribute("height", N(height)),
            new XAttribute("font-family", FontFamily),
            new XAttribute("class", "status-map"),
            // Straight-line crossings left after ordering: a quick check of a layout change without eyeballing it.
            new XAttribute("data-crossings", layout.Crossings),
            new XAttribute("role", "img"),
            new XElement(Svg + "title", $"{picture.Title} ({picture.Subtitle})"),
            Markers(),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")),
            Header(picture),
            Bands(picture, layout, bodyTop, bodyHeight),
            new XElement(Svg + "g", new XAttribute("class", "links"),
                picture.Arrows.Where(a => position.ContainsKey(a.From) && position.ContainsKey(a.To))
                    .Select(a => Arrow(a, position[a.From], HeightOf(a.From), position[a.To], HeightOf(a.To)))),
            new XElement(Svg + "g", new XAttribute("class", "boxes"),
                picture.Boxes.Select(b => Box(b, position[b.Id], HeightOf(b.Id)))),
            Legend(picture, height - LegendHeight));
        return new XDocument(root).ToString(SaveOptions.DisableFormatting);
    }

    static XElement Markers() => new(Svg + "defs",
        Marker("arrow", MapPalette.Link), Marker("arrow-cross", MapPalette.CrossChainLink));

    static XElement Marker(string id, string colour) => new(Svg + "marker",
        new XAttribute("id", id), new XAttribute("viewBox", "0 0 10 10"), new XAttribute("refX", "9"), new XAttribute("refY", "5"),
        new XAttribute("markerWidth", "7"), new XAttribute("markerHeight", "7"), new XAttribute("orient", "auto-start-reverse"),
        new XElement(Svg + "path", new XAttribute("d", "M 0 0 L 10 5 L 0 10 z"), new XAttribute("fill", colour)));

    static XElement Header(StatusMapPicture p) => new(Svg + "g", new XAttribute("class", "header"),
        Text(Margin, 32, p.Title, 20, MapPalette.Text, "bold"),
        Text(Margin, 54, $"{p.Subtitle}   {p.Summary}", 13, MapPalette.MutedText));

    /// <summary>A shaded band behind each stage's columns, labelled at its top.</summary>
    static IEnumerable<XElement> Bands(StatusMapPicture p, MapLayout layout, double bodyTop, double bodyHeight)
    {
        var stages = layout.Nodes.GroupBy(n => n.Stage).OrderBy(g => g.Key).ToList();
        return stages.Select((g, i) =>
        {
            var first = g.Min(n => n.Column);
            var last = g.Max(n => n.Column);
            var x = Margin + first * (BoxWidth + ColumnGap) - ColumnGap / 2 + 4;
            var w = (last - first + 1) * (BoxWidth + ColumnGap) - 8;
            return new XElement(Svg + "g", new XAttribute("class", "stage"), new XAttribute("data-stage", Kebab(g.Key)),
                new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(HeaderHeight)), new XAttribute("width", N(w)),
                    new XAttribute("height", N(bodyHeight + BandLabelHeight + Margin / 2)), new XAttribute("rx", "8"),
                    new XAttribute("fill", i % 2 == 0 ? MapPalette.Band : MapPalette.BandAlternate)),
                Text(x + w / 2, HeaderHeight + 20, p.Labels.Stage(g.Key), 14, MapPalette.MutedText, "bold", "middle"));
        });
    }

    static XElement Arrow(MapArrow a, (double x, double y) from, double fromHeight, (double x, double y) to, double toHeight)
    {
        var (x1, y1) = (from.x + BoxWidth, from.y + fromHeight / 2);
        var (x2, y2) = (to.x, to.y + toHeight / 2);
        // Forward links bow gently; a link back to an earlier column loops out and in rather than cutting through boxes.
        var bow = x2 > x1 ? Math.Max(24, (x2 - x1) / 2) : ColumnGap + 20;
        var path = new XElement(Svg + "path",
            new XAttribute("class", a.CrossChain ? "link cross-chain" : "link"),
            new XAttribute("data-from", a.From), new XAttribute("data-to", a.To),
            new XAttribute("d", $"M {N(x1)} {N(y1)} C {N(x1 + bow)} {N(y1)}, {N(x2 - bow)} {N(y2)}, {N(x2 - 2)} {N(y2)}"),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", a.CrossChain ? MapPalette.CrossChainLink : MapPalette.Link),
            new XAttribute("stroke-width", "1.6"),
            new XAttribute("marker-end", a.CrossChain ? "url(#arrow-cross)" : "url(#arrow)"));
        if (a.CrossChain) path.Add(new XAttribute("stroke-dasharray", "6 4"));
        return path;
    }

    static XElement Box(MapBox b, (double x, double y) at, double height)
    {
        var (fill, stroke) = b.Status is { } s ? MapPalette.Of(s) : (MapPalette.Stub, MapPalette.StubStroke);
        var lines = TextFit.Wrap(b.Label, BoxWidth - 16, LabelSize, maxLines: b.IsStub ? 1 : 2);
        var rect = new XElement(Svg + "rect",
            new XAttribute("x", N(at.x)), new XAttribute("y", N(at.y)), new XAttribute("width", N(BoxWidth)), new XAttribute("height", N(height)),
            new XAttribute("rx", "6"), new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", b.IsStub ? "1.2" : "2"));
        // Unverified and stubs are dashed so they stay distinct from present and missing in greyscale print.
        if (b.IsStub) rect.Add(new XAttribute("stroke-dasharray", "3 3"));
        else if (b.Status == MapStatus.Unverified) rect.Add(new XAttribute("stroke-dasharray", "7 4"));

        var g = new XElement(Svg + "g",
            new XAttribute("class", b.IsStub ? "stub" : "segment"),
            new XAttribute("data-segment", b.Id),
            new XElement(Svg + "title", b.Tooltip),
            rect);
        if (b.Status is { } status)
        {
            g.Add(new XAttribute("data-status", status.Code()), new XAttribute("data-firms", b.LocalFirms));
        }
        if (b.OtherChainIds is { } chains) g.Add(new XAttribute("data-chains", string.Join(" ", chains)));
        var top = b.IsStub ? at.y + 18 : lines.Count == 1 ? at.y + 26 : at.y + 20;
        foreach (var (line, i) in lines.Select((l, i) => (l, i)))
            g.Add(Text(at.x + 8, top + i * 16, line, LabelSize, MapPalette.Text, b.IsStub ? null : "bold"));
        var caption = TextFit.Wrap(b.Caption, BoxWidth - 16, CaptionSize, maxLines: 1)[0];
        g.Add(Text(at.x + 8, at.y + height - 9, caption, CaptionSize, MapPalette.MutedText));
        return g;
    }

    static XElement Legend(StatusMapPicture p, double top)
    {
        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"));
        var x = Margin;
        foreach (var status in Enum.GetValues<MapStatus>())
        {
            var (fill, stroke) = MapPalette.Of(status);
            var label = p.Labels.Status(status);
            var swatch = new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(top + 12)), new XAttribute("width", "22"),
                new XAttribute("height", "14"), new XAttribute("rx", "3"), new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1.5"));
            if (status == MapStatus.Unverified) swatch.Add(new XAttribute("stroke-dasharray", "4 2"));
            legend.Add(swatch, Text(x + 28, top + 24, label, 12, MapPalette.Text));
            x += 28 + TextFit.Width(label, 12) + 22;
        }
        legend.Add(
            new XElement(Svg + "line", new XAttribute("x1", N(x)), new XAttribute("y1", N(top + 19)), new XAttribute("x2", N(x + 30)), new XAttribute("y2", N(top + 19)),
                new XAttribute("stroke", MapPalette.Link), new XAttribute("stroke-width", "1.6"), new XAttribute("marker-end", "url(#arrow)")),
            Text(x + 36, top + 24, p.Labels.FeedsLegend, 12, MapPalette.Text));
        x += 36 + TextFit.Width(p.Labels.FeedsLegend, 12) + 22;
        legend.Add(
            new XElement(Svg + "line", new XAttribute("x1", N(x)), new XAttribute("y1", N(top + 19)), new XAttribute("x2", N(x + 30)), new XAttribute("y2", N(top + 19)),
                new XAttribute("stroke", MapPalette.CrossChainLink), new XAttribute("stroke-width", "1.6"), new XAttribute("stroke-dasharray", "6 4"),
                new XAttribute("marker-end", "url(#arrow-cross)")),
            Text(x + 36, top + 24, p.Labels.CrossChainLegend, 12, MapPalette.Text));
        return legend;
    }

    static XElement Text(double x, double y, string text, double size, string colour, string? weight = null, string? anchor = null)
    {
        var t = new XElement(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)),
            new XAttribute("font-size", N(size)), new XAttribute("fill", colour), text);
        if (weight is not null) t.Add(new XAttribute("font-weight", weight));
        if (anchor is not null) t.Add(new XAttribute("text-anchor", anchor));
        return t;
    }

    static string Kebab(Stage s) => s.ToString().ToLowerInvariant();

    static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
