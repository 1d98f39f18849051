namespace ChainMatch.Domain.Gaps;

/// <summary>The thresholds of the status and priority rules, in one place so README can quote them.</summary>
public static class GapRules
{
    /// <summary>Local supply covering less than this share of what local buyers need makes a segment weak.</summary>
    public const double WeakCoverage = 0.5;

    /// <summary>A missing segment at or above this value tier is a high-value gap (延链) rather than a plain missing one (补链).</summary>
    public const int HighValueTier = 4;

    // Priority points (0–100): comparative advantage first, value second.
    public const int PointsPerLocalBuyer = 12, MaxLocalBuyers = 3;        // ≤ 36
    public const int PointsPerLocalSupplier = 8, MaxLocalSuppliers = 3;   // ≤ 24
    public const int PointsPerLocalResource = 10, MaxLocalResources = 2;  // ≤ 20
    public const double PointsPerValueTier = 2.5;                         // ≤ 10 (tier 5)
    public const int PointsForChainPresence = 10;                         // ≤ 10, by share of the chain already here
    public const int PointsForShortfall = 10;                             // weak links: by how far supply falls short

    public const int HighPriority = 50, MediumPriority = 25;

    public static PriorityBand Band(int priority) =>
        priority >= HighPriority ? PriorityBand.High : priority >= MediumPriority ? PriorityBand.Medium : PriorityBand.Low;
}
