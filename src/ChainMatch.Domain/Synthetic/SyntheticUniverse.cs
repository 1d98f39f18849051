using System.Collections.Immutable;
using System.Globalization;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Synthetic;

/// <summary>
/// A seeded universe of synthetic firms added to a real graph, for measuring speed at scale. Every synthetic
/// record says so: ids start with "synthetic-", names with "合成企业", and the source is this generator.
/// Firms operate runs of adjacent segments (following FEEDS links), mostly near their headquarters.
/// </summary>
public static class SyntheticUniverse
{
    public const string IdPrefix = "synthetic-";
    static readonly Provenance Source = new("ChainMatch synthetic generator", "SyntheticUniverse (not real data)");

    public static GraphData AddFirms(GraphData real, int firms, int seed)
    {
        var random = new Random(seed);
        var graph = ChainGraph.Build(real);
        var places = real.Regions.Where(r => r.Level is RegionLevel.Prefecture or RegionLevel.County).Select(r => r.Code).ToArray();
        var segments = real.Segments.Select(s => s.Id).ToArray();
        var lists = real.Lists.Select(l => l.Id).ToArray();
        var newFirms = ImmutableArray.CreateBuilder<Firm>(firms);
        var presences = ImmutableArray.CreateBuilder<Presence>(firms * 3);
        var memberships = ImmutableArray.CreateBuilder<ListMembership>();
        // Worked out once per segment rather than per site: a million firms open about 2.5 million sites.
        var neighbours = segments.ToDictionary(s => s, s => graph.FeedsFrom(s).Select(f => f.To).Concat(graph.FeedsInto(s).Select(f => f.From)).ToArray());
        var siteNames = Enumerable.Range(0, 4).Select(s => $"synthetic site {s}").ToArray();
        var supplies = ImmutableArray.CreateBuilder<Supply>();

        for (var i = 0; i < firms; i++)
        {
            var id = new FirmId(IdPrefix + i.ToString("D6", CultureInfo.InvariantCulture));
            var hq = places[random.Next(places.Length)];
            newFirms.Add(new Firm(id, $"合成企业{i:D6}", $"Synthetic firm {i:D6}", hq, null, Source));

            var segment = segments[random.Next(segments.Length)];
            var sites = 1 + random.Next(4);
            for (var s = 0; s < sites; s++)
            {
                var place = random.NextDouble() < 0.7 ? hq : places[random.Next(places.Length)];
                var capacity = random.NextDouble() < 0.3 ? new Quantity(Math.Round(1_000 + random.NextDouble() * 200_000), "t/yr") : null;
                presences.Add(new Presence(id, segment, place, capacity, 1995 + random.Next(30), null, siteNames[s], Source));
                // Next site: often the same segment elsewhere, else a neighbouring segment up or down the chain.
                var next = neighbours[segment];
                if (next.Length > 0 && random.NextDouble() < 0.5) segment = next[random.Next(next.Length)];
            }
            if (lists.Length > 0 && random.NextDouble() < 0.01)
                memberships.Add(new ListMembership(id, lists[random.Next(lists.Length)], 1 + random.Next(500), Source));
            if (i > 0 && random.NextDouble() < 0.2)
                supplies.Add(new Supply(id, new FirmId(IdPrefix + random.Next(i).ToString("D6", CultureInfo.InvariantCulture)), null, null, Source));
        }

        return real with
        {
            Firms = real.Firms.AddRange(newFirms),
            Presences = real.Presences.AddRange(presences),
            Memberships = real.Memberships.AddRange(memberships),
            Supplies = real.Supplies.AddRange(supplies),
        };
    }
}
