using SkiaSharp;
using Svg.Skia;

namespace ChainMatch.Api.Maps;

/// <summary>
/// The status map's SVG drawn to PNG on the server (Svg.Skia over SkiaSharp), so a PNG and an SVG of one map never
/// disagree. Chinese text takes the SVG's font list through fontconfig (Debian's fonts-noto-cjk, installed by
/// scripts/install-deps.sh).
/// </summary>
static class PngStatusMap
{
    /// <summary>Twice the SVG's size: sharp on a projector and in a printed report.</summary>
    public const float Scale = 2;

    public static byte[] Render(string svg)
    {
        using var document = SKSvg.CreateFromSvg(svg);
        var picture = document.Picture ?? throw new InvalidOperationException("the status map's SVG drew no picture");
        var bounds = picture.CullRect;
        using var surface = SKSurface.Create(new SKImageInfo((int)Math.Ceiling(bounds.Width * Scale), (int)Math.Ceiling(bounds.Height * Scale)));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(Scale);
        surface.Canvas.DrawPicture(picture);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
