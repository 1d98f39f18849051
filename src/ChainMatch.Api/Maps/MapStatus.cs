using ChainMatch.Domain.Gaps;

namespace ChainMatch.Api.Maps;

/// <summary>What a box on the map shows: the segment's status, except that a missing high-value segment is its own colour (延链).</summary>
public enum MapStatus { Present, Weak, Missing, HighValueGap, Unverified }

public static class MapStatuses
{
    public static MapStatus Of(SegmentStatus status, GapKind? gap) => (status, gap) switch
    {
        (_, GapKind.HighValue) => MapStatus.HighValueGap,
        (SegmentStatus.Present, _) => MapStatus.Present,
        (SegmentStatus.Weak, _) => MapStatus.Weak,
        (SegmentStatus.Unverified, _) => MapStatus.Unverified,
        _ => MapStatus.Missing,
    };

    /// <summary>The value the SVG carries in data-status and the web UI styles by (kebab-case like the JSON).</summary>
    public static string Code(this MapStatus s) => s switch
    {
        MapStatus.Present => "present",
        MapStatus.Weak => "weak",
        MapStatus.Missing => "missing",
        MapStatus.HighValueGap => "high-value",
        _ => "unverified",
    };
}

/// <summary>
/// Fill and border per status. Light fills keep dark text readable on a projector and in print; the border carries
/// the hue, and every box also says its status in words, so the map does not depend on telling colours apart.
/// </summary>
public static class MapPalette
{
    public static (string Fill, string Stroke) Of(MapStatus s) => s switch
    {
        MapStatus.Present => ("#c8e6c9", "#2e7d32"),
        MapStatus.Weak => ("#ffe082", "#e65100"),
        MapStatus.Missing => ("#ffcdd2", "#c62828"),
        MapStatus.HighValueGap => ("#e1bee7", "#6a1b9a"),
        _ => ("#eeeeee", "#616161"),
    };

    public const string Stub = "#ffffff";
    public const string StubStroke = "#9e9e9e";
    public const string Link = "#546e7a";
    public const string CrossChainLink = "#9e9e9e";
    public const string Text = "#212121";
    public const string MutedText = "#616161";
    public const string Band = "#f5f7fa";
    public const string BandAlternate = "#eceff4";
}
