using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage;

/// <summary>What makes a presence one row: the same firm, segment, place, start year and site.</summary>
static class PresenceKey
{
    public static string Of(Presence p) => $"{p.Firm}|{p.Segment}|{p.Region}|{p.Since}|{p.Site}";
}
