using System.Collections.Concurrent;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>
/// One graph version's lead finders, by date, each made on first use. A write's version starts from the previous
/// version's: a date whose finder the previous version has (or was to derive) gets its finder derived from that one
/// and what the writes since touched (<see cref="LeadFinder.Next"/>), instead of built from the whole graph, so a read
/// right after a write does not pay for every firm again. Thread-safe.
/// </summary>
internal sealed class LeadFinders
{
    // Past this many touched rows (or a new basis) a finder is built afresh: deriving would cost as much.
    const int MostRowsCarried = 4096;
    // Dates asked on a version, carried to the next one; the most recently asked first.
    const int MostDatesCarried = 8;

    readonly ChainGraph _graph;
    readonly ConcurrentDictionary<DateOnly, Entry> _byDate = new();

    public LeadFinders(ChainGraph graph) => _graph = graph;

    LeadFinders(ChainGraph graph, LeadFinders previous, GraphChange change)
    {
        _graph = graph;
        if (change.Basis) return;
        foreach (var entry in previous._byDate.Values.OrderByDescending(e => e.LastAsked).Take(MostDatesCarried))
        {
            var (source, since) = entry.Carried();
            var total = since.Then(change);
            if (total.Rows <= MostRowsCarried)
                _byDate[entry.AsOf] = new Entry(graph, entry.AsOf, new Pending(source, total)) { LastAsked = entry.LastAsked };
        }
    }

    /// <summary>The finders of the version <paramref name="graph"/> that a write made of this one, with <paramref name="change"/>.</summary>
    public LeadFinders Next(ChainGraph graph, GraphChange change) => new(graph, this, change);

    public LeadFinder For(DateOnly asOf)
    {
        var entry = _byDate.GetOrAdd(asOf, date => new Entry(_graph, date, null));
        entry.LastAsked = Environment.TickCount64;
        return entry.Finder;
    }

    /// <summary>A finder to derive from (its entry) and the rows touched since its version.</summary>
    sealed record Pending(Entry Source, GraphChange Change);

    sealed class Entry
    {
        readonly Lazy<LeadFinder> _finder;
        // Dropped once the finder is made, so that the source's version can go.
        volatile Pending? _pending;

        public Entry(ChainGraph graph, DateOnly asOf, Pending? pending)
        {
            AsOf = asOf;
            _pending = pending;
            _finder = new Lazy<LeadFinder>(() =>
            {
                if (_pending is not { } p) return new LeadFinder(graph, asOf);
                var finder = p.Source.Finder.Next(graph, p.Change);
                _pending = null;
                return finder;
            });
        }

        public DateOnly AsOf { get; }
        public long LastAsked { get; set; }
        public LeadFinder Finder => _finder.Value;

        /// <summary>What the next version derives its finder from: this one once made (or being made afresh), else this one's source.</summary>
        public (Entry Source, GraphChange Since) Carried()
        {
            if (_finder.IsValueCreated) return (this, GraphChange.None);
            return _pending is { } p ? (p.Source, p.Change) : (this, GraphChange.None);
        }
    }
}
