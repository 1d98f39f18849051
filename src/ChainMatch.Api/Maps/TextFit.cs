namespace ChainMatch.Api.Maps;

/// <summary>
/// Line breaking without font metrics (the server has no fonts to measure with): a CJK character counts one em,
/// anything else about half of one, which keeps common sans fonts inside the box.
/// </summary>
public static class TextFit
{
    const double LatinEm = 0.56;

    public static double Width(string text, double fontSize) => text.Sum(c => IsWide(c) ? 1.0 : LatinEm) * fontSize;

    /// <summary>At most <paramref name="maxLines"/> lines no wider than <paramref name="width"/>; the last ends in "…" when text is left over.</summary>
    public static IReadOnlyList<string> Wrap(string text, double width, double fontSize, int maxLines)
    {
        var lines = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0 && lines.Count < maxLines)
        {
            var take = Fit(rest, width, fontSize);
            // Break Latin text at the last space that fits; CJK text may break anywhere.
            if (take < rest.Length && !IsWide(rest[take]) && rest[..take].LastIndexOf(' ') is var space and > 0) take = space;
            lines.Add(rest[..take].TrimEnd());
            rest = rest[take..].TrimStart();
        }
        if (rest.Length > 0)
        {
            var last = lines[^1];
            while (last.Length > 0 && Width(last + "…", fontSize) > width) last = last[..^1];
            lines[^1] = last.TrimEnd() + "…";
        }
        return lines;
    }

    static int Fit(string text, double width, double fontSize)
    {
        var used = 0.0;
        for (var i = 0; i < text.Length; i++)
        {
            used += (IsWide(text[i]) ? 1.0 : LatinEm) * fontSize;
            if (used > width) return Math.Max(1, i);
        }
        return text.Length;
    }

    static bool IsWide(char c) => c >= '\u2E80';
}
