using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Leads;
using ChainMatch.Ranking.Leads;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Ranking.Tests;

/// <summary>A lead finder whose derivation failed is derived again on the next read, not failed for good.</summary>
public class FailedLeadFinderTests
{
    static readonly DateOnly AsOf = ShippedModel.AsOf;

    /// <summary>Derives as the service does, except that the first derivation throws.</summary>
    static LeadFinders.Derivation FailingOnce()
    {
        var failures = 1;
        return (from, graph, change) => Interlocked.Decrement(ref failures) < 0
            ? from.Next(graph, change)
            : throw new InvalidOperationException("derivation failed");
    }

    [Test]
    public void AFinderWhoseDerivationFailedIsDerivedOnTheNextRead()
    {
        var graph = ChainGraph.Build(SeedReader.Read(SeedFolder.RepositorySeeds()));
        var first = new LeadFinders(graph, FailingOnce());
        var source = first.For(AsOf);
        var written = first.Next(graph, GraphChange.None);
        Assert.That(() => written.For(AsOf), Throws.InvalidOperationException.With.Message.EqualTo("derivation failed"));

        var again = written.For(AsOf);
        var later = written.Next(graph, GraphChange.None).For(AsOf);

        // Both derived (sharing the first finder's industry map), not built afresh nor failed again.
        Assert.That(again.Indexes.IndustryMap, Is.SameAs(source.Indexes.IndustryMap));
        Assert.That(later.Indexes.IndustryMap, Is.SameAs(source.Indexes.IndustryMap));
    }
}
