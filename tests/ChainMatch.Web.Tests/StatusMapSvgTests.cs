using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace ChainMatch.Web.Tests;

/// <summary>The status map picture at its stable URL, for reports.</summary>
public sealed class StatusMapSvgTests
{
    static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    static HttpClient Client() => WebSession.Service.AdminClient();

    [Test]
    public async Task TheSvgIsWellFormedWithOneBoxPerSegmentOfTheStatusMap()
    {
        using var http = Client();
        var response = await http.GetAsync("/api/chains/aluminium/status/530100.svg?asOf=2024");
        var map = JsonNode.Parse(await http.GetStringAsync("/api/chains/aluminium/status/530100?asOf=2024"))!;

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/svg+xml"));
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.That(svg.Name, Is.EqualTo(Svg + "svg"));
        var boxes = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "segment").ToList();
        Assert.That(boxes.Select(b => (string?)b.Attribute("data-segment")),
            Is.EquivalentTo(map["segments"]!.AsArray().Select(s => (string?)s!["id"])));
    }

    [Test]
    public async Task TheEnglishSvgUsesEnglishNamesAndTheDefaultChinese()
    {
        using var http = Client();

        Assert.That(await http.GetStringAsync("/api/chains/aluminium/status/530100.svg?asOf=2024&lang=en"), Does.Contain("Smelting").And.Contain("Kunming"));
        Assert.That(await http.GetStringAsync("/api/chains/aluminium/status/530100.svg?asOf=2024"), Does.Contain("电解铝").And.Contain("昆明市"));
    }

    [Test]
    public async Task AnUnknownLanguageIsABadRequestNamingTheParameter()
    {
        using var http = Client();
        var response = await http.GetAsync("/api/chains/aluminium/status/530100.svg?lang=fr");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("'lang' must be zh or en"));
    }

    [Test]
    public async Task AnUnknownChainIsANotFoundProblem()
    {
        using var http = Client();
        var response = await http.GetAsync("/api/chains/no-such-chain/status/530100.svg");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}
