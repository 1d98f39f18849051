namespace ChainMatch.Domain.Graph;

// Strongly typed keys: a region code can never be passed where a segment id is expected.
public readonly record struct ChainId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct SegmentId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct RegionCode(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct FirmId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct ResourceId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct ListId(string Value)
{
    public override string ToString() => Value;
}
