using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Leads;

/// <summary>A firm considered for a gap: its feature vector and, per feature, the evidence behind it in plain words.</summary>
public sealed record LeadCandidate(Firm Firm, float[] Features, IReadOnlyDictionary<LeadFeature, string> Evidence);
