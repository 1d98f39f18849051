namespace ChainMatch.Domain.Gaps;

public enum SegmentStatus
{
    /// <summary>Held locally by at least one sourced presence, at a scale that is not weak.</summary>
    Present,
    /// <summary>Held locally, but below the segment's minimum scale or short of what local buyers need.</summary>
    Weak,
    /// <summary>No local presence at all.</summary>
    Missing,
    /// <summary>Local presence known only from unsourced records: neither present nor missing until verified.</summary>
    Unverified,
}

/// <summary>The three gap kinds and their remedies: fill (补链), strengthen (强链), extend toward higher value (延链).</summary>
public enum GapKind { Missing, Weak, HighValue }

public enum PriorityBand { High, Medium, Low }
