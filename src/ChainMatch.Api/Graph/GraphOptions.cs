using System.ComponentModel.DataAnnotations;
using ChainMatch.Storage;

namespace ChainMatch.Api.Graph;

/// <summary>Where the graph lives. Bound from the "Graph" configuration section and checked at start.</summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";

    /// <summary>Embedded: a SQLite file under <see cref="DataDirectory"/>. Neo4j: the server under <see cref="Neo4j"/>.</summary>
    [Required, AllowedValues(StoreProviders.Embedded, StoreProviders.Neo4j)]
    public string Provider { get; set; } = StoreProviders.Embedded;

    /// <summary>How often the service asks the store whether another process wrote, and then loads the graph again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Folder of the embedded store file (chainmatch.db); created when missing.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>The graph-seeds folder imported into an empty store at first start.</summary>
    [Required]
    public string SeedDirectory { get; set; } = "graph-seeds";

    public bool SeedOnFirstRun { get; set; } = true;

    public Neo4jOptions Neo4j { get; set; } = new();

    /// <summary>How often the snapshot, kept up to date write by write, is compared with a fresh projection of the store.</summary>
    public TimeSpan ConsistencyCheckInterval { get; set; } = TimeSpan.FromHours(1);

    public string StorePath => Path.Combine(Path.GetFullPath(DataDirectory), "chainmatch.db");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConsistencyCheckInterval <= TimeSpan.Zero)
            yield return new ValidationResult($"{Section}:{nameof(ConsistencyCheckInterval)} must be positive, e.g. 01:00:00", [nameof(ConsistencyCheckInterval)]);
        if (Provider != StoreProviders.Neo4j) yield break;
        foreach (var result in Neo4j.Validate($"{Section}:{nameof(Neo4j)}")) yield return result;
    }

    public StoreSettings ToStoreSettings() => Provider == StoreProviders.Neo4j
        ? new StoreSettings(Provider, Neo4j: Neo4j.ToConnection()) { Resilience = Neo4j.ToResilience(), BatchSize = Neo4j.BatchSize }
        : new StoreSettings(Provider, EmbeddedPath: StorePath);
}
