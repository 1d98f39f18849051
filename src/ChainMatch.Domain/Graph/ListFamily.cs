namespace ChainMatch.Domain.Graph;

/// <summary>
/// A ranked list published every year (世界500强, 中国企业500强, 民营企业500强): its id, names, publisher and the unit its
/// revenues come in. An edition's id is the family's id and the year ("fortune-global-500-2024"); which family an
/// edition belongs to is read here (<see cref="Of"/>) and nowhere else.
/// </summary>
public sealed record ListFamily(string Id, Label Label, string Publisher, string RevenueUnit, double UnitInYi, bool Usd)
{
    // Fortune: "Revenues ($M)".
    public static readonly ListFamily FortuneGlobal500 = new("fortune-global-500", new("财富世界500强", "Fortune Global 500"), "Fortune", "USD million", 0.01, true);

    // 中国企业联合会 and 全国工商联 both publish 营业收入 in 万元.
    public static readonly ListFamily ChinaTop500 = new("china-top-500", new("中国企业500强", "China Top 500 Enterprises"), "中国企业联合会、中国企业家协会", "万元", 0.0001, false);

    public static readonly ListFamily ChinaPrivateTop500 = new("china-private-top-500", new("中国民营企业500强", "China Top 500 Private Enterprises"), "全国工商联", "万元", 0.0001, false);

    public static readonly IReadOnlyList<ListFamily> All = [FortuneGlobal500, ChinaTop500, ChinaPrivateTop500];

    /// <summary>The family an id names, exactly as written; null for any other text.</summary>
    public static ListFamily? Parse(string? id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    /// <summary>The family of an edition ("fortune-global-500-2024" → Fortune Global 500); null for an edition of no known family.</summary>
    public static ListFamily? Of(ListId edition) =>
        edition.Value is { Length: > 5 } id && id[^5] == '-' && int.TryParse(id[^4..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? Parse(id[..^5])
            : null;

    /// <summary>The id of the family's edition of <paramref name="year"/>.</summary>
    public ListId Edition(int year) => new($"{Id}-{year}");

    /// <summary>"fortune-global-500, china-top-500, china-private-top-500": what a message lists when a family id is wrong.</summary>
    public static string Ids => string.Join(", ", All.Select(f => f.Id));
}
