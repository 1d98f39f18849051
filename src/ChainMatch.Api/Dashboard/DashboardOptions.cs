namespace ChainMatch.Api.Dashboard;

/// <summary>The province the dashboard shows an all-regions caller, and the boundary file it draws. Bound from "Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public string Province { get; set; } = "530000";

    /// <summary>
    /// A deployment's approved prefecture boundaries (GeoJSON, feature ids the GB/T 2260 codes); left out, the file
    /// `make assets` copies from the npm package (docs/dashboard.md).
    /// </summary>
    public string? BoundaryFile { get; set; }

    /// <summary>
    /// The TrueType font the bulletin's PDF is set in (PDFsharp embeds TrueType outlines only, so not the OpenType/CFF
    /// Noto CJK collection the browser uses); left out, Debian's fonts-arphic-gbsn00lp (docs/dashboard.md).
    /// </summary>
    public string? BulletinFontFile { get; set; }

    public const string DefaultBulletinFont = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";

    public string BulletinFont => BulletinFontFile ?? DefaultBulletinFont;

    public static IServiceCollection Add(IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(Section)
            .Validate(o => o.BoundaryFile is null || File.Exists(o.BoundaryFile), "Dashboard:BoundaryFile names a file that does not exist")
            .Validate(o => o.BulletinFontFile is null || File.Exists(o.BulletinFontFile), "Dashboard:BulletinFontFile names a file that does not exist")
            .ValidateOnStart();
        return services;
    }
}
