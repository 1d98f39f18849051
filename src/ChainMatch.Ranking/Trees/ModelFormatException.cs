namespace ChainMatch.Ranking.Trees;

/// <summary>A model file that cannot be scored, naming the file and what is wrong with it.</summary>
public sealed class ModelFormatException(string path, string reason) : Exception($"model {path}: {reason}")
{
    public string Path { get; } = path;
    public string Reason { get; } = reason;
}
