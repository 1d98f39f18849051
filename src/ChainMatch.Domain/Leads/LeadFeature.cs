namespace ChainMatch.Domain.Leads;

/// <summary>
/// The features of one candidate firm for one gap (segment × region), in model column order.
/// Adding one changes the model's input: retrain and the model card follows.
/// </summary>
public enum LeadFeature
{
    SegmentSitesElsewhere,
    SegmentCapacityShare,
    UpstreamSegments,
    DownstreamSegments,
    ChainSegments,
    SitesInProvince,
    SitesInRegion,
    HeadquartersInProvince,
    SuppliesLocalFirms,
    BuysFromLocalFirms,
    FortuneGlobal500,
    ChinaTop500,
    ChinaPrivateTop500,
    BestListRank,
    RecentSites,
    TotalSites,
    ResourceFit,
    LocalBuyerSegments,
    HeadquartersDistanceKm,
    PastProjectStage,
    GroupOnList,
    GroupBestListRank,
    GroupRevenueYi,
    IndustryAffinity,
    AffinityOnly,
    LocalTwoHopSegments,
}

public static class LeadFeatures
{
    public static readonly int Count = Enum.GetValues<LeadFeature>().Length;

    public static readonly IReadOnlyList<string> Names =
        Enum.GetValues<LeadFeature>().Select(f => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(f.ToString())).ToArray();

    /// <summary>What each feature measures, for the model card.</summary>
    public static readonly IReadOnlyDictionary<LeadFeature, string> Descriptions = new Dictionary<LeadFeature, string>
    {
        [LeadFeature.SegmentSitesElsewhere] = "sites where the firm operates the gap's segment outside the region",
        [LeadFeature.SegmentCapacityShare] = "the firm's share of recorded national capacity in the segment (missing when no figure)",
        [LeadFeature.UpstreamSegments] = "distinct segments feeding the gap's segment that the firm operates",
        [LeadFeature.DownstreamSegments] = "distinct segments the gap's segment feeds that the firm operates",
        [LeadFeature.ChainSegments] = "distinct segments of the gap's chains that the firm operates",
        [LeadFeature.SitesInProvince] = "the firm's sites anywhere in the region's province (以商招商)",
        [LeadFeature.SitesInRegion] = "the firm's sites inside the region itself",
        [LeadFeature.HeadquartersInProvince] = "1 when headquartered in the region's province",
        [LeadFeature.SuppliesLocalFirms] = "known supply relationships from the firm to firms with sites in the region",
        [LeadFeature.BuysFromLocalFirms] = "known supply relationships to the firm from firms with sites in the region",
        [LeadFeature.FortuneGlobal500] = "1 when on a Fortune Global 500 edition up to the date",
        [LeadFeature.ChinaTop500] = "1 when on a China top 500 edition up to the date",
        [LeadFeature.ChinaPrivateTop500] = "1 when on a China private top 500 edition up to the date",
        [LeadFeature.BestListRank] = "best rank on any list (missing when unranked or unlisted)",
        [LeadFeature.RecentSites] = "sites opened in the three years up to the date (recent expansion)",
        [LeadFeature.TotalSites] = "all of the firm's active sites",
        [LeadFeature.ResourceFit] = "share of the segment's needed resources that the region holds",
        [LeadFeature.LocalBuyerSegments] = "held local segments that the gap's segment feeds",
        [LeadFeature.HeadquartersDistanceKm] = "great-circle km from the seat of the firm's headquarters region to the gap region's seat (missing when either has no coordinates)",
        [LeadFeature.PastProjectStage] = "furthest stage any earlier project of the firm with the gap's prefecture reached by the date: 0 none, lead 1, contacted 2, negotiating 3, signed 4, started 5, in production 6, capital added 7",
        [LeadFeature.GroupOnList] = "1 when a group above the firm (its parent, or theirs) is on a list edition up to the date",
        [LeadFeature.GroupBestListRank] = "best rank of a group above the firm on any list (missing when none is ranked)",
        [LeadFeature.GroupRevenueYi] = "revenue in 亿元 of the nearest group above the firm that a list gives one for (missing when none)",
        [LeadFeature.IndustryAffinity] = "weight (0..1) of the gap's segment for the industry its lists (or its group's) file it under; 0 when unmapped",
        [LeadFeature.AffinityOnly] = "1 when neither the firm nor its subsidiaries have a known site in the segment or a segment next to it: a candidate by industry alone",
        [LeadFeature.LocalTwoHopSegments] = "distinct segments two FEEDS links from the gap's segment that the firm (or its subsidiaries) operates inside the province (延链)",
    };
}
