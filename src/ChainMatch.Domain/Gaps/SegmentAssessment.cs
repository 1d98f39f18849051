using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Gaps;

/// <summary>One segment as it stands in one region at one date: status, local firms, local links, gap and why.</summary>
public sealed record SegmentAssessment(
    Segment Segment,
    SegmentStatus Status,
    IReadOnlyList<Presence> LocalPresences,
    IReadOnlyList<SegmentId> LocalSuppliers,
    IReadOnlyList<SegmentId> LocalBuyers,
    Quantity? LocalCapacity,
    double? Coverage,
    GapKind? GapKind,
    int? Priority,
    IReadOnlyList<Reason> Reasons)
{
    public bool IsGap => GapKind is not null;
    public bool IsHeld => Status is SegmentStatus.Present or SegmentStatus.Weak;
}
