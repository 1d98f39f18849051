using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Gaps;

// What the API and the CLI print: plain strings and numbers, ready to serialise.

public sealed record LocalFirmReport(
    string Id, string Name, string? NameEn, string Region, string RegionName, string? Site,
    double? Capacity, string? Unit, int? Since, bool Verified, string? Source);

public sealed record SegmentReport(
    string Id, string Name, string? NameEn, Stage Stage, int ValueTier, SegmentStatus Status,
    IReadOnlyList<LocalFirmReport> LocalFirms, IReadOnlyList<string> FedBy, IReadOnlyList<string> Feeds,
    GapKind? GapKind, int? Priority, PriorityBand? PriorityBand, IReadOnlyList<Reason> Reasons);

public sealed record StatusSummary(int Segments, int Present, int Weak, int Missing, int Unverified, int Gaps);

public sealed record StatusMapReport(
    string Chain, string ChainName, string Region, string RegionName, DateOnly AsOf,
    StatusSummary Summary, IReadOnlyList<SegmentReport> Segments);

public sealed record GapReport(
    string Segment, string Name, string? NameEn, IReadOnlyList<string> Chains, Stage Stage, int ValueTier,
    SegmentStatus Status, GapKind Kind, int Priority, PriorityBand Band, IReadOnlyList<Reason> Reasons);

public sealed record GapListReport(string Region, string RegionName, DateOnly AsOf, IReadOnlyList<GapReport> Gaps);

public enum GapChangeKind { Healed, Persistent, New }

public sealed record GapChangeReport(
    string Segment, string Name, IReadOnlyList<string> Chains, GapChangeKind Change, GapKind? Before, GapKind? After, int? Priority);

public sealed record GapChangesReport(string Region, DateOnly From, DateOnly To, IReadOnlyList<GapChangeReport> Changes);
