namespace ChainMatch.Domain.Graph;

public readonly record struct RegionScope(int Enter, int Exit)
{
    public bool Contains(int enter) => Enter <= enter && enter <= Exit;
}
