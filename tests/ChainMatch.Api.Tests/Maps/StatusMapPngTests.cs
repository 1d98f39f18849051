using System.Globalization;
using System.Net;
using System.Xml.Linq;
using SkiaSharp;

namespace ChainMatch.Api.Tests.Maps;

/// <summary>The PNG status map is the SVG drawn on the server: same picture, twice the size.</summary>
public sealed class StatusMapPngTests : ApiTest
{
    const string Map = "/api/chains/battery/status/530100";

    async Task<SKBitmap> Png()
    {
        using var response = await Client.GetAsync(Map + ".png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        return SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync()) ?? throw new AssertionException("the answer is not a PNG");
    }

    [Test]
    public async Task The_PNG_is_the_SVG_drawn_at_twice_its_size()
    {
        var svg = XDocument.Parse(await Client.GetStringAsync(Map + ".svg")).Root!;
        double Attribute(string name) => double.Parse((string)svg.Attribute(name)!, CultureInfo.InvariantCulture);
        using var png = await Png();
        Assert.That((png.Width, png.Height), Is.EqualTo(((int)Math.Ceiling(Attribute("width") * 2), (int)Math.Ceiling(Attribute("height") * 2))));
    }

    [Test]
    public async Task The_PNG_paints_every_segment_colour_the_SVG_uses()
    {
        var svg = XDocument.Parse(await Client.GetStringAsync(Map + ".svg"));
        // A segment's box is the rectangle in its group; its fill is the segment's status.
        var fills = svg.Descendants().Where(e => e.Name.LocalName == "g" && ((string?)e.Attribute("class"))?.Split(' ').Contains("segment") == true)
            .SelectMany(g => g.Elements().Where(e => e.Name.LocalName == "rect"))
            .Select(e => SKColor.Parse((string)e.Attribute("fill")!)).Distinct().ToList();
        Assert.That(fills, Is.Not.Empty);
        using var png = await Png();
        var counts = png.Pixels.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(fills.Where(f => counts.GetValueOrDefault(f) < 1000), Is.Empty);
    }

    [Test]
    public async Task An_unknown_chain_is_a_404_as_for_the_SVG()
    {
        using var response = await Client.GetAsync("/api/chains/no-such-chain/status/530100.png");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
