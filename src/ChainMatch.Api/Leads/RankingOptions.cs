using System.ComponentModel.DataAnnotations;

namespace ChainMatch.Api.Leads;

/// <summary>The ranking model the service scores with. Bound from "Ranking" and loaded at start.</summary>
public sealed class RankingOptions
{
    public const string Section = "Ranking";

    [Required]
    public string ModelPath { get; set; } = Path.Combine("models", "lead-ranker.zip");
}
