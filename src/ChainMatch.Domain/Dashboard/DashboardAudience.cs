using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Dashboard;

/// <summary>Who opens on the dashboard after signing in: the province's and the prefectures' leaders (a caller for every region sees the province).</summary>
public static class DashboardAudience
{
    public static bool OpensOnDashboard(ChainGraph graph, Scope scope) =>
        scope.SeesEverywhere || graph.FindRegion(new RegionCode(scope.Region))?.Level is RegionLevel.Province or RegionLevel.Prefecture;
}
