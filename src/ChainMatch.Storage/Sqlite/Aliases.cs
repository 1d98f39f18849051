using System.Collections.Immutable;

namespace ChainMatch.Storage.Sqlite;

/// <summary>A firm's aliases in one text column, one per line (a name never holds a line break).</summary>
static class Aliases
{
    public static string? Join(ImmutableArray<string> aliases) => aliases.IsDefaultOrEmpty ? null : string.Join('\n', aliases);

    public static ImmutableArray<string> Split(string? text) => text is null ? [] : [.. text.Split('\n')];
}
