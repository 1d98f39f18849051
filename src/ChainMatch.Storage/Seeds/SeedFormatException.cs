namespace ChainMatch.Storage.Seeds;

/// <summary>A seed file that cannot be imported, with the place and the reason.</summary>
public sealed class SeedFormatException(string file, int line, string reason)
    : Exception(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
