using ChainMatch.Domain.Leads;

namespace ChainMatch.Ranking.Leads;

/// <summary>One training or test query: a gap, its candidates, and each candidate's graded relevance.</summary>
public sealed record LeadQuery(Gap Gap, IReadOnlyList<LeadCandidate> Candidates, IReadOnlyList<int> Labels);
