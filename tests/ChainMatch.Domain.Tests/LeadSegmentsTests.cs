using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Tests;

public class LeadSegmentsTests
{
    static IEnumerable<(string, LeadSegmentBasis)> Offered(ChainGraph graph, string firm) =>
        LeadSegments.For(graph, new FirmId(firm)).Select(x => (x.Segment.Value, x.Basis));

    [Test]
    public void A_firm_is_offered_where_it_operates_then_its_industrys_segments_then_the_rest_of_their_chains()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "foil", "cell", "pack").Chain("copper", "cathode-copper", "copper-foil")
            .Firm("f", @in: "cell", at: "530100").Listed("f", "test-500", industry: "有色金属").Industry("有色金属", "copper-foil", 0.8).Build();
        Assert.That(Offered(graph, "f"), Is.EqualTo(new[]
        {
            ("cell", LeadSegmentBasis.Operates), ("copper-foil", LeadSegmentBasis.Industry),
            ("foil", LeadSegmentBasis.Chain), ("pack", LeadSegmentBasis.Chain), ("cathode-copper", LeadSegmentBasis.Chain),
        }));
    }

    [Test]
    public void A_listed_firm_with_no_plant_and_no_mapped_industry_is_offered_nothing()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "foil", "cell").Firm("f", @in: "cell", at: "530100").Listed("g", "test-500", industry: "餐饮").Build();
        Assert.That(Offered(graph, "g"), Is.Empty);
    }

    [Test]
    public void A_subsidiary_is_offered_what_its_listed_groups_industry_maps_to()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "foil", "cell").Chain("copper", "cathode-copper", "copper-foil")
            .Firm("plant", @in: "cell", at: "530100").Listed("group", "test-500", industry: "有色金属").Parent("plant", "group")
            .Industry("有色金属", "copper-foil", 0.8).Build();
        Assert.That(Offered(graph, "plant"), Does.Contain(("copper-foil", LeadSegmentBasis.Industry)));
    }
}
