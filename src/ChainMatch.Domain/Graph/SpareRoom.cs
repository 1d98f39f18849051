namespace ChainMatch.Domain.Graph;

/// <summary>
/// The spare room at the end of arrays that successive graph versions share while they only append rows: each version
/// reads its own first rows, and the first version made after <c>rows</c> rows writes its new rows into the room; any
/// other (a second version made of the same one) copies. Rows once written are never written again, so a version
/// already handed to readers never sees its arrays change.
/// </summary>
internal sealed class SpareRoom(int rows)
{
    int _claimed = rows;

    /// <summary>True when no version has yet appended after <paramref name="rows"/> and <paramref name="added"/> more fit in <paramref name="capacity"/>: the caller now owns them.</summary>
    public bool TryClaim(int rows, int added, int capacity) =>
        rows + added <= capacity && Interlocked.CompareExchange(ref _claimed, rows + added, rows) == rows;

    /// <summary>The length to copy <paramref name="rows"/> rows into when they outgrow the room: an eighth more, so the next writes append in place.</summary>
    public static int Grown(int rows) => rows + rows / 8 + 64;
}
