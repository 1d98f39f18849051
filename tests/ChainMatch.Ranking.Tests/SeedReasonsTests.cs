using ChainMatch.Domain.Gaps;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Reasons;
using ChainMatch.Ranking.Leads;
using ChainMatch.Ranking.Trees;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>Every reason the seeded graph gives, for every gap of every Yunnan prefecture and its leads, has a code that reads in both languages.</summary>
public class SeedReasonsTests
{
    [Test]
    public void EveryGapAndLeadReasonOfTheSeedsReadsInChineseAndEnglish()
    {
        var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
        var ranker = new LeadRanker(TreeEnsemble.Load(SeedFolder.ShippedModel()));
        var asOf = new DateOnly(2025, 12, 31);
        var reasons = new List<Reason>();
        foreach (var prefecture in graph.ChildrenOf(new RegionCode("530000")))
            foreach (var gap in GapReports.GapList(graph, prefecture.Code, asOf).Gaps)
            {
                reasons.AddRange(gap.Reasons);
                reasons.AddRange(ranker.Rank(graph, new Gap(new SegmentId(gap.Segment), prefecture.Code), asOf, top: 10).Leads.SelectMany(l => l.Reasons));
            }
        var texts = reasons.Select(r => (r.Code, r.Text)).ToList();
        Assert.That(texts.Where(t => t.Text.Zh == t.Text.En).Select(t => t.Code).Distinct(), Is.Empty, "reasons that read the same in both languages");
        Assert.That(texts.Where(t => t.Text.Zh.Contains('{') || t.Text.En.Contains('{')).Select(t => t.Code).Distinct(), Is.Empty);
        // The seeds exercise most of the table: gap rules and lead features alike.
        Assert.That(reasons.Select(r => r.Code).Distinct().Count(), Is.GreaterThan(ReasonText.Templates.Count / 2));
    }
}
