namespace ChainMatch.Domain.Graph;

/// <summary>A chain, region, firm or segment id that the graph does not hold.</summary>
public sealed class NotFoundException(string kind, string id) : Exception($"{kind} '{id}' not found")
{
    public string Kind { get; } = kind;
    public string Id { get; } = id;
}
