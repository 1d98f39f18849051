namespace ChainMatch.Domain.Reasons;

/// <summary>
/// Why a lead or a gap is what it is, as data: a code from <see cref="ReasonText"/>'s table (it names the feature or
/// rule) and the values it speaks of. Rendered in Chinese and English by <see cref="ReasonText"/>; <see cref="Text"/>
/// carries both renderings so a client can show either without a template table of its own.
/// </summary>
/// <param name="Args">Values by name: text, numbers, <see cref="Words"/> (a name in both languages), <see cref="SiteOf"/>,
/// <see cref="Standing"/>, a project stage, a date, or a list of these.</param>
public sealed record Reason(string Code, IReadOnlyDictionary<string, object> Args)
{
    public static Reason Of(string code, params (string Name, object Value)[] args) =>
        new(code, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));

    public Words Text => new(ReasonText.Render(this, Language.Zh), ReasonText.Render(this, Language.En));
}

public enum Language { Zh, En }

/// <summary>A name or a text in Chinese and English (the English falls back to the Chinese where the data has none).</summary>
public sealed record Words(string Zh, string En)
{
    public static Words Of(string name, string? nameEn) => new(name, nameEn ?? name);

    public string In(Language language) => language == Language.Zh ? Zh : En;
}

/// <summary>A segment at a place, e.g. 磷酸铁锂正极 in 曲靖市 (region names are Chinese in both languages).</summary>
public sealed record SiteOf(Words Segment, string Region);

/// <summary>A standing on list editions: the best rank and its edition, or only the editions when no rank is known.</summary>
public sealed record Standing(IReadOnlyList<Words> Editions, int? Rank);
