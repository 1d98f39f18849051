using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>A query of the ranking: one segment wanted in one region.</summary>
public readonly record struct Gap(SegmentId Segment, RegionCode Region)
{
    public override string ToString() => $"{Segment}@{Region}";
}
