using System.ComponentModel.DataAnnotations;

namespace ChainMatch.Api.Graph;

/// <summary>Where the graph lives. Bound from the "Graph" configuration section and checked at start.</summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>Only the embedded SQLite store exists so far.</summary>
    [Required, AllowedValues("Embedded")]
    public string Provider { get; set; } = "Embedded";

    /// <summary>Folder of the embedded store file (chainmatch.db); created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The graph-seeds folder imported into an empty store at first start.</summary>
    [Required]
    public string SeedDirectory { get; set; } = "graph-seeds";

    public bool SeedOnFirstRun { get; set; } = true;

    public string StorePath => Path.Combine(Path.GetFullPath(DataDirectory), "chainmatch.db");
}
