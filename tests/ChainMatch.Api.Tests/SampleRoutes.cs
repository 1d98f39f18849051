using System.Text.RegularExpressions;

namespace ChainMatch.Api.Tests;

/// <summary>Route values the mini-seeds hold, so that a walk over every route reaches each handler.</summary>
static partial class SampleRoutes
{
    static readonly Dictionary<string, string> Values = new()
    {
        ["chainId"] = "battery", ["regionCode"] = "530100", ["segmentId"] = "foil", ["firmId"] = "foil-co", ["projectId"] = "foil-for-kunming",
        ["problemId"] = "problem-1", ["listId"] = "test-500", ["year"] = "2024", ["documentName"] = "v1", ["contactId"] = "contact-1",
    };

    /// <summary>"/api/firms/{firmId}" → "/api/firms/foil-co"; constraints such as {year:int} included.</summary>
    public static string Fill(string pattern) => Parameter().Replace(pattern, m => Values[m.Groups[1].Value]);

    [GeneratedRegex("{([^}:]+)(:[^}]*)?}")]
    private static partial Regex Parameter();
}
