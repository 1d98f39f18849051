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
    readonly Derivation _derive;
    readonly ConcurrentDictionary<DateOnly, Entry> _byDate = new();

    public LeadFinders(ChainGraph graph) : this(graph, static (from, next, change) => from.Next(next, change))
    {
    }

    /// <summary>Finders derived by <paramref name="derive"/> (tests make it fail).</summary>
    internal LeadFinders(ChainGraph graph, Derivation derive)
    {
        _graph = graph;
        _derive = derive;
    }

    LeadFinders(ChainGraph graph, LeadFinders previous, GraphChange change) : this(graph, previous._derive)
    {
        if (change.Basis) return;
        foreach (var entry in previous._byDate.Values.OrderByDescending(e => e.LastAsked).Take(MostDatesCarried))
        {
            var (source, since) = entry.Carried();
            var total = since.Then(change);
            var pending = new Pending(total.Rows <= MostRowsCarried ? source : null, total, new WeakReference<Entry>(entry), change);
            _byDate[entry.AsOf] = new Entry(graph, entry.AsOf, pending, _derive) { LastAsked = entry.LastAsked };
        }
    }

    /// <summary>The finders of the version <paramref name="graph"/> that a write made of this one, with <paramref name="change"/>.</summary>
    public LeadFinders Next(ChainGraph graph, GraphChange change) => new(graph, this, change);

    public LeadFinder For(DateOnly asOf)
    {
        var entry = _byDate.GetOrAdd(asOf, date => new Entry(_graph, date, null, _derive));
        entry.LastAsked = Environment.TickCount64;
        return entry.Finder;
    }

    /// <summary>The finder of <paramref name="graph"/>, a later version that <paramref name="change"/> made of <paramref name="from"/>'s.</summary>
    internal delegate LeadFinder Derivation(LeadFinder from, ChainGraph graph, GraphChange change);

    /// <summary>
    /// A finder to derive from (its entry; none when more rows were touched since than deriving is worth) and the rows
    /// touched since its version; and the previous version's entry, held weakly, with the rows this version's write
    /// touched: when a read has asked that version meanwhile, this one derives from its finder instead.
    /// </summary>
    sealed record Pending(Entry? Source, GraphChange Change, WeakReference<Entry> Previous, GraphChange Last);

    sealed class Entry
    {
        readonly Func<LeadFinder> _make;
        // Replaced by a fresh one when making the finder fails, so that the next read (of this version or a later one
        // deriving from it) tries again instead of meeting the failure a Lazy keeps.
        volatile Lazy<LeadFinder> _finder;
        // Dropped once the finder is made, so that the source's version can go.
        volatile Pending? _pending;
        // Set when the finder begins to be made: a later version then derives from it instead of from its source.
        volatile bool _begun;

        public Entry(ChainGraph graph, DateOnly asOf, Pending? pending, Derivation derive)
        {
            AsOf = asOf;
            _pending = pending;
            _make = () =>
            {
                _begun = true;
                try
                {
                    if (_pending is not { } p) return new LeadFinder(graph, asOf);
                    var finder = p.Previous.TryGetTarget(out var previous) && previous.Begun && p.Last.Rows <= MostRowsCarried
                        ? derive(previous.Finder, graph, p.Last)
                        : p.Source is { } source ? derive(source.Finder, graph, p.Change) : new LeadFinder(graph, asOf);
                    _pending = null;
                    return finder;
                }
                catch
                {
                    // Until a read makes it, later versions go back to the source rather than derive from this one.
                    _begun = false;
                    throw;
                }
            };
            _finder = new Lazy<LeadFinder>(_make);
        }

        public DateOnly AsOf { get; }
        /// <summary>A read has asked for this finder: it is made, or being made.</summary>
        public bool Begun => _begun || _finder.IsValueCreated;
        public long LastAsked { get; set; }
        public LeadFinder Finder
        {
            get
            {
                var finder = _finder;
                try
                {
                    return finder.Value;
                }
                catch
                {
                    // Reads that met this failure all rethrow it; the first to get here puts a fresh Lazy in its place.
                    Interlocked.CompareExchange(ref _finder, new Lazy<LeadFinder>(_make), finder);
                    throw;
                }
            }
        }

        /// <summary>
        /// What the next version derives its finder from: this one once it is being made (or made), else this one's source.
        /// A write that lands while a read derives this finder must not send the next read back to the source, or with
        /// writes running back to back every read would derive from one old finder all the writes since it.
        /// </summary>
        public (Entry Source, GraphChange Since) Carried()
        {
            if (Begun) return (this, GraphChange.None);
            return _pending is { Source: { } source } p ? (source, p.Change) : (this, GraphChange.None);
        }
    }
}
