using System.Text;
using System.Text.Encodings.Web;
using ChainMatch.Domain.Dashboard;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Api.Dashboard;

/// <summary>
/// The bulletin as a printable page: every figure carries its KPI and value as data attributes, and the maps are the
/// PNG status maps (the pictures the PDF embeds). No script; its style sheet is the UI's css/bulletin.css.
/// </summary>
static class BulletinHtml
{
    public static string Render(Bulletin b, IReadOnlyList<Chain> chains)
    {
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append($"<title>{e.Encode(BulletinText.Title(b))} {b.Month}</title>")
            .Append("<link rel=\"stylesheet\" href=\"/css/bulletin.css\"></head>")
            .Append($"<body class=\"bulletin\" data-region=\"{e.Encode(b.Region)}\" data-month=\"{b.Month}\">")
            .Append($"<h1>{e.Encode(BulletinText.Title(b))}</h1><p class=\"subtitle\">{e.Encode(BulletinText.Subtitle(b))}</p>")
            .Append("<h2>一、主要指标</h2><table class=\"kpis\"><thead><tr><th>指标</th><th>本月</th><th>上年同月</th><th>单位</th></tr></thead><tbody>");
        foreach (var k in b.Kpis)
            html.Append($"<tr data-kpi=\"{DashboardApi.Name(k.Kpi)}\" data-value=\"{BulletinText.Number(k.Value)}\" data-previous=\"{BulletinText.Number(k.PreviousYear)}\" title=\"{e.Encode(k.Definition)}\">")
                .Append($"<td>{e.Encode(BulletinText.KpiLabels[k.Kpi])}</td><td class=\"value\">{BulletinText.Number(k.Value)}</td>")
                .Append($"<td class=\"previous\">{BulletinText.Number(k.PreviousYear)}</td><td>{e.Encode(BulletinText.Unit(k.Unit))}</td></tr>");
        html.Append("</tbody></table>");
        foreach (var (title, id, lines) in BulletinText.Sections(b))
        {
            html.Append($"<section id=\"{id}\"><h2>{e.Encode(title)}（{lines.Count}）</h2>");
            html.Append(lines.Count == 0 ? "<p class=\"none\">无</p>" : "<ul>" + string.Concat(lines.Select(l => $"<li data-id=\"{e.Encode(l.Key)}\">{e.Encode(l.Text)}</li>")) + "</ul>");
            html.Append("</section>");
        }
        html.Append("<section id=\"maps\"><h2>七、产业链现状图</h2>");
        foreach (var c in chains)
            html.Append($"<figure><img src=\"/api/chains/{e.Encode(c.Id.Value)}/status/{e.Encode(b.Region)}.png?asOf={b.Period.To:yyyy-MM-dd}\" alt=\"{e.Encode(c.Name)}\">")
                .Append($"<figcaption>{e.Encode(c.Name)}（截至 {b.Period.To:yyyy-MM-dd}）</figcaption></figure>");
        html.Append($"</section><p class=\"definitions\">{e.Encode(BulletinText.Definitions)}</p></body></html>");
        return html.ToString();
    }
}
