namespace ChainMatch.Domain.Graph;

/// <summary>A write's version: the previous version's indexes shared, and only what the written rows touch derived again.</summary>
public sealed partial class ChainGraph
{
    /// <summary>
    /// The next version of this graph after a write: its rows merged as the stores merge them (<see cref="GraphMerge"/>),
    /// everything the rows do not touch shared with this version, and only what depends on them derived again; the
    /// touched rows' references are checked as <see cref="Build"/> checks them. This version is left as it was.
    /// </summary>
    public ChainGraph Apply(GraphData rows) => new(this, GraphMerge.Of(this, rows));

    ChainGraph(ChainGraph previous, GraphMerge merge)
    {
        var data = merge.Data;
        Data = data;
        _caches = previous._caches.Next(this, previous, merge);
        // Chains, segments, links, regions and resources are never applied (GraphMerge refuses them): shared as they are.
        _chainIndex = previous._chainIndex;
        _segmentIndex = previous._segmentIndex;
        _regionIndex = previous._regionIndex;
        _resourceIndex = previous._resourceIndex;
        _chainSegments = previous._chainSegments;
        _segmentChains = previous._segmentChains;
        _feedsOut = previous._feedsOut;
        _feedsIn = previous._feedsIn;
        _resourcesByRegion = previous._resourcesByRegion;
        _regionParent = previous._regionParent;
        _regionEnter = previous._regionEnter;
        _regionExit = previous._regionExit;
        _regionChildren = previous._regionChildren;
        _regionSeat = previous._regionSeat;

        var firmsAdded = data.Firms.Length > previous.Firms.Length;
        _firmIndex = previous._firmIndex;
        if (firmsAdded)
        {
            _firmIndex = new Dictionary<FirmId, int>(previous._firmIndex);
            for (var i = previous.Firms.Length; i < data.Firms.Length; i++) _firmIndex.Add(data.Firms[i].Id, i);
        }
        _firmParent = previous._firmParent;
        _subsidiaries = previous._subsidiaries;
        // The group tree is copied and regrouped only when a firm is added or moves to another parent (not for a renamed one).
        var parents = firmsAdded ? [.. previous._firmParent, .. new int[data.Firms.Length - previous.Firms.Length]] : null as int[];
        foreach (var i in merge.Firms)
        {
            var f = data.Firms[i];
            if (f.Headquarters is { } hq) Lookup(_regionIndex, hq, $"firm {f.Id}");
            var parent = f.Group is { } g ? Lookup(_firmIndex, g.Parent, $"parent of firm {f.Id}") : -1;
            if (parents is null && parent == previous._firmParent[i]) continue;
            parents ??= (int[])previous._firmParent.Clone();
            parents[i] = parent;
        }
        if (parents is not null)
        {
            _firmParent = parents;
            _subsidiaries = Csr.Build(data.Firms.Length, _firmParent, skipNegative: true);
        }

        // A presence's or membership's key holds every reference it makes: a replaced one points where it pointed.
        var presencesAdded = data.Presences.Length > previous.Data.Presences.Length;
        (_presenceRegion, _presenceSegment, _presenceFirm, _presenceRoom) = (previous._presenceRegion, previous._presenceSegment, previous._presenceFirm, previous._presenceRoom);
        (_presencesBySegment, _presencesByFirm) = (previous._presencesBySegment, previous._presencesByFirm);
        var firstPresence = previous.Data.Presences.Length;
        if (presencesAdded)
        {
            var added = data.Presences.Length - firstPresence;
            // Looked up before the room is claimed, so a presence the graph cannot place leaves the room as it was. A write the
            // later checks refuse has claimed it already: harmless, since the next version from this one only copies once.
            var (region, segment, firm) = (new int[added], new int[added], new int[added]);
            for (var i = 0; i < added; i++)
            {
                var p = data.Presences[firstPresence + i];
                region[i] = Lookup(_regionIndex, p.Region, $"presence of {p.Firm}");
                segment[i] = Lookup(_segmentIndex, p.Segment, $"presence of {p.Firm}");
                firm[i] = Lookup(_firmIndex, p.Firm, "presence");
            }
            var inPlace = previous._presenceRoom.TryClaim(firstPresence, added, previous._presenceFirm.Length);
            if (!inPlace) _presenceRoom = new SpareRoom(data.Presences.Length);
            _presenceRegion = Appended(previous._presenceRegion, firstPresence, region, inPlace);
            _presenceSegment = Appended(previous._presenceSegment, firstPresence, segment, inPlace);
            _presenceFirm = Appended(previous._presenceFirm, firstPresence, firm, inPlace);
            _presencesBySegment = previous._presencesBySegment.Extend(data.Segments.Length, _presenceSegment.AsSpan(0, data.Presences.Length), firstPresence);
        }
        if (presencesAdded || firmsAdded)
            _presencesByFirm = previous._presencesByFirm.Extend(data.Firms.Length, _presenceFirm.AsSpan(0, data.Presences.Length), firstPresence);

        _membershipFirm = previous._membershipFirm;
        _membershipsByFirm = previous._membershipsByFirm;
        var membershipsAdded = data.Memberships.Length > previous.Data.Memberships.Length;
        if (merge.Memberships.Count > 0)
        {
            var listIndex = Index(data.Lists, l => l.Id, "list");
            foreach (var i in merge.Memberships) Lookup(listIndex, data.Memberships[i].List, $"membership of {data.Memberships[i].Firm}");
        }
        _membershipRoom = previous._membershipRoom;
        if (membershipsAdded)
        {
            var first = previous.Data.Memberships.Length;
            var firm = new int[data.Memberships.Length - first];
            for (var i = 0; i < firm.Length; i++) firm[i] = Lookup(_firmIndex, data.Memberships[first + i].Firm, "membership");
            var inPlace = previous._membershipRoom.TryClaim(first, firm.Length, previous._membershipFirm.Length);
            if (!inPlace) _membershipRoom = new SpareRoom(data.Memberships.Length);
            _membershipFirm = Appended(previous._membershipFirm, first, firm, inPlace);
        }
        if (membershipsAdded || firmsAdded)
            _membershipsByFirm = previous._membershipsByFirm.Extend(data.Firms.Length, _membershipFirm.AsSpan(0, data.Memberships.Length), previous.Data.Memberships.Length);

        foreach (var i in merge.Projects)
        {
            var project = data.Projects[i];
            Lookup(_firmIndex, project.Firm, $"project {project.Id}");
            Lookup(_segmentIndex, project.Segment, $"project {project.Id}");
            Lookup(_regionIndex, project.Region, $"project {project.Id}");
        }
        foreach (var i in merge.ChainPlans) CheckPlan(data.ChainPlans[i]);
        foreach (var i in merge.NegativeRules)
        {
            var rule = data.NegativeRules[i];
            if (rule.Firm is { } f) Lookup(_firmIndex, f, $"negative-list rule {rule.Id}");
            if (rule.Segment is { } s) Lookup(_segmentIndex, s, $"negative-list rule {rule.Id}");
            if (rule.Region is { } r) Lookup(_regionIndex, r, $"negative-list rule {rule.Id}");
        }
        CheckCrm(data, merge.Contacts, merge.Interactions, merge.PromotionEvents);
    }

    /// <summary>
    /// <paramref name="stored"/>'s first <paramref name="rows"/> items followed by <paramref name="added"/>: written into its
    /// spare room when this version claimed it, else into a copy with room for the next writes.
    /// </summary>
    static int[] Appended(int[] stored, int rows, int[] added, bool inPlace)
    {
        var column = stored;
        if (!inPlace)
        {
            column = new int[SpareRoom.Grown(rows + added.Length)];
            Array.Copy(stored, column, rows);
        }
        added.CopyTo(column, rows);
        return column;
    }
}
