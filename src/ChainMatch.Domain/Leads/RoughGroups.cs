namespace ChainMatch.Domain.Leads;

/// <summary>
/// A gap's candidates in groups that one rough box holds (<see cref="Prospects.RoughBox(RoughGroups, int, Span{float}, Span{float})"/>),
/// so that one bound serves a whole group. Candidates whose rough boxes differ only in their headquarters' distance,
/// within one band of distances, share a group, and the group's box spans the distances of the band. A candidate without
/// a key (see <see cref="RoughProfiles"/>) is a group of its own. Members are listed in candidate order, group after group.
/// </summary>
public sealed class RoughGroups
{
    readonly int[] _start;
    readonly int[] _members;
    /// <summary>Per group, its band of headquarters distances; -1 for a candidate bounded on its own.</summary>
    readonly int[] _band;
    readonly float[] _bandLo, _bandHi;

    RoughGroups(int[] start, int[] members, int[] band, float[] bandLo, float[] bandHi) =>
        (_start, _members, _band, _bandLo, _bandHi) = (start, members, band, bandLo, bandHi);

    public int Count => _start.Length - 1;

    /// <summary>The group's candidates, ascending.</summary>
    public ReadOnlySpan<int> Members(int group) => _members.AsSpan(_start[group], _start[group + 1] - _start[group]);

    /// <summary>True when the group's members share a key; then the least and greatest distance of its band (NaN: missing).</summary>
    internal bool Shared(int group, out float distanceLo, out float distanceHi)
    {
        var band = _band[group];
        (distanceLo, distanceHi) = band < 0 ? (float.NaN, float.NaN) : (_bandLo[band], _bandHi[band]);
        return band >= 0;
    }

    /// <param name="keys">Per candidate, its key, its band of distances in the bits from <see cref="RoughProfiles.HeadquartersShift"/> up; <see cref="RoughProfiles.None"/> for a candidate bounded on its own.</param>
    /// <param name="bandLo">Per band of distances, the least distance in it (NaN: missing), and <paramref name="bandHi"/> the greatest.</param>
    internal static RoughGroups Of(ReadOnlySpan<ulong> keys, float[] bandLo, float[] bandHi)
    {
        var count = keys.Length;
        var groupOf = new int[count];
        var groups = new Dictionary<ulong, int>();
        var size = new List<int>();
        var bands = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var key = keys[i];
            int group;
            if (key == RoughProfiles.None || !groups.TryGetValue(key, out group))
            {
                group = size.Count;
                size.Add(0);
                if (key == RoughProfiles.None) bands.Add(-1);
                else
                {
                    groups.Add(key, group);
                    bands.Add((int)(key >> RoughProfiles.HeadquartersShift));
                }
            }
            size[group]++;
            groupOf[i] = group;
        }
        // Counting sort: each group's members after the previous group's, in candidate order.
        var start = new int[size.Count + 1];
        for (var g = 0; g < size.Count; g++) start[g + 1] = start[g] + size[g];
        var next = start[..^1];
        var members = new int[count];
        for (var i = 0; i < count; i++) members[next[groupOf[i]]++] = i;
        return new RoughGroups(start, members, [.. bands], bandLo, bandHi);
    }
}
