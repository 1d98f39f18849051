using System.ComponentModel.DataAnnotations;

namespace ChainMatch.Api.Graph;

/// <summary>Where the graph lives. Bound from the "Graph" configuration section and checked at start.</summary>
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";
    public const string Embedded = "Embedded", Neo4jProvider = "Neo4j";

    /// <summary>Embedded: a SQLite file under <see cref="DataDirectory"/>. Neo4j: the server under <see cref="Neo4j"/>.</summary>
    [Required, AllowedValues(Embedded, Neo4jProvider)]
    public string Provider { get; set; } = Embedded;

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
        if (Provider != Neo4jProvider) yield break;
        foreach (var result in Neo4j.Validate($"{Section}:{nameof(Neo4j)}")) yield return result;
    }
}
