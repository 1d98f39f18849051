using ChainMatch.Domain.Dashboard;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace ChainMatch.Api.Dashboard;

/// <summary>
/// The bulletin as an A4 PDF (PDFsharp): the same words as its HTML, set in one TrueType font with Chinese glyphs
/// (PDFsharp embeds the subset used), then each chain's status map PNG on its own page.
/// </summary>
static class BulletinPdf
{
    static BulletinPdf() => GlobalFontSettings.FontResolver = new FontFileResolver();

    public static byte[] Render(Bulletin b, string fontFile, IReadOnlyList<(string Title, byte[] Png)> maps)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{BulletinText.Title(b)} {b.Month}";
        var page = new Writer(document, fontFile);
        page.Line(BulletinText.Title(b), 20, bold: true);
        page.Line(BulletinText.Subtitle(b), 10);
        page.Gap();
        page.Line("一、主要指标", 13, bold: true);
        page.Row(["指标", "本月", "上年同月", "单位"], bold: true);
        foreach (var k in b.Kpis)
            page.Row([BulletinText.KpiLabels[k.Kpi], BulletinText.Number(k.Value), BulletinText.Number(k.PreviousYear), BulletinText.Unit(k.Unit)]);
        foreach (var (title, _, lines) in BulletinText.Sections(b))
        {
            page.Gap();
            page.Line($"{title}（{lines.Count}）", 13, bold: true);
            if (lines.Count == 0) page.Line("无", 10);
            foreach (var (_, text) in lines) page.Line("· " + text, 10);
        }
        page.Gap();
        page.Line(BulletinText.Definitions, 8);
        foreach (var (title, png) in maps) page.Picture($"七、产业链现状图：{title}（截至 {b.Period.To:yyyy-MM-dd}）", png);
        page.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Top-to-bottom text on A4 pages, a new page when the next line would not fit; a line too wide is cut with "…".</summary>
    sealed class Writer(PdfDocument document, string fontFile) : IDisposable
    {
        const double Margin = 50, Width = 595 - 2 * Margin, Bottom = 842 - Margin;
        static readonly double[] Columns = [0, 0.45, 0.65, 0.85];
        XGraphics? _graphics;
        double _y;

        XGraphics Graphics(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                _graphics?.Dispose();
                var page = document.AddPage();
                page.Size = PdfSharp.PageSize.A4;
                _graphics = XGraphics.FromPdfPage(page);
                _y = Margin;
            }
            return _graphics;
        }

        // The font's family name is its file: the resolver reads that file, so each deployment's configured font is used as is.
        XFont Font(double size, bool bold) => new(fontFile, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        public void Line(string text, double size, bool bold = false)
        {
            var font = Font(size, bold);
            var g = Graphics(size * 1.6);
            g.DrawString(Fit(g, text, font, Width), font, XBrushes.Black, new XRect(Margin, _y, Width, size * 1.6), XStringFormats.TopLeft);
            _y += size * 1.6;
        }

        public void Row(IReadOnlyList<string> cells, bool bold = false)
        {
            var font = Font(10, bold);
            var g = Graphics(16);
            for (var i = 0; i < cells.Count; i++)
            {
                var width = ((i + 1 < Columns.Length ? Columns[i + 1] : 1) - Columns[i]) * Width;
                g.DrawString(Fit(g, cells[i], font, width), font, XBrushes.Black, new XRect(Margin + Columns[i] * Width, _y, width, 16), XStringFormats.TopLeft);
            }
            _y += 16;
        }

        public void Gap() => _y += 8;

        /// <summary>A picture on a page of its own under its caption, scaled to the page's width (and height).</summary>
        public void Picture(string caption, byte[] png)
        {
            _y = Bottom;
            Line(caption, 12, bold: true);
            using var image = XImage.FromStream(new MemoryStream(png));
            var scale = Math.Min(Width / image.PointWidth, (Bottom - _y) / image.PointHeight);
            Graphics(0).DrawImage(image, Margin, _y, image.PointWidth * scale, image.PointHeight * scale);
            _y += image.PointHeight * scale;
        }

        static string Fit(XGraphics g, string text, XFont font, double width)
        {
            if (g.MeasureString(text, font).Width <= width) return text;
            var cut = text.Length;
            while (cut > 0 && g.MeasureString(text[..cut] + "…", font).Width > width) cut--;
            return text[..cut] + "…";
        }

        public void Dispose() => _graphics?.Dispose();
    }

    /// <summary>Reads the font file the family name names; bold is simulated (one face serves both).</summary>
    sealed class FontFileResolver : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(familyName, bold, italic);

        public byte[] GetFont(string faceName) => File.ReadAllBytes(faceName);
    }
}
