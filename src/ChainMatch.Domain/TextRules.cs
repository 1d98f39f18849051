namespace ChainMatch.Domain;

/// <summary>
/// The one rule for text that enters (JSON strings, CSV cells): no control characters but tab, line feed and carriage
/// return, no lone surrogate halves and no U+FFFE/U+FFFF. Such characters are never part of a name or a note, and
/// XML (the Excel export) cannot hold them.
/// </summary>
public static class TextRules
{
    /// <summary>Why <paramref name="text"/> is refused, naming the first bad character and its position; null when it is fine.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"contains a lone surrogate U+{(int)c:X4} at character {i + 1}";
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c) || c is '\uFFFE' or '\uFFFF') return $"contains the control character U+{(int)c:X4} at character {i + 1}";
        }
        return null;
    }

    /// <summary>The text without what <see cref="Problem"/> refuses: for writers (Excel) that must not fail on a value stored before the rule.</summary>
    public static string Strip(string text)
    {
        if (Problem(text) is null) return text;
        var kept = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { kept.Append(c).Append(text[++i]); continue; }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))) continue;
            kept.Append(c);
        }
        return kept.ToString();
    }
}
