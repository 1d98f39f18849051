using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>A firm considered for a gap, with its feature vector in <see cref="LeadFeature"/> order.</summary>
public sealed record LeadCandidate(Firm Firm, float[] Features);
