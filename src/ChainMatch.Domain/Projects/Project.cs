using System.Collections.Immutable;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Projects;

/// <summary>The lifecycle of a lead (全周期闭环管理), in order; <see cref="Lost"/> ends it from any active stage.</summary>
public enum ProjectStage { Lead, Contacted, Negotiating, Signed, Started, InProduction, CapitalAdded, Lost }

/// <summary>One dated step of a project. Amounts in 亿元 (100 million yuan), as the bureau reports them.</summary>
public sealed record StageChange(ProjectStage Stage, DateOnly Date, double? AgreedInvestment = null, double? FundsInPlace = null, string? Note = null);

/// <summary>A lead or project for one firm and one gap (segment × region), with its stage history, never overwritten.</summary>
public sealed record Project(string Id, FirmId Firm, SegmentId Segment, RegionCode Region, string OwnerTeam, ImmutableArray<StageChange> History, Provenance Source)
{
    public StageChange Current => History[^1];
    public ProjectStage Stage => Current.Stage;

    /// <summary>The latest agreed investment and funds in place recorded, in 亿元.</summary>
    public double? AgreedInvestment => History.LastOrDefault(h => h.AgreedInvestment is not null)?.AgreedInvestment;
    public double? FundsInPlace => History.LastOrDefault(h => h.FundsInPlace is not null)?.FundsInPlace;

    /// <summary>The furthest step reached on or before <paramref name="date"/>, lost aside (how far it got before it was lost); null when none.</summary>
    public StageChange? FurthestBy(DateOnly date) =>
        History.Where(h => h.Date <= date && h.Stage != ProjectStage.Lost).MaxBy(h => h.Stage);

    /// <summary>Problems the firm raised, open and closed.</summary>
    public ImmutableArray<ProjectProblem> Problems { get; init; } = [];

    /// <summary>Every proposal for the key-project library (重点项目库), oldest first; the last is where it stands.</summary>
    public ImmutableArray<KeyReview> KeyReviews { get; init; } = [];

    public KeyReview? Key => KeyReviews.IsDefaultOrEmpty ? null : KeyReviews[^1];

    public bool IsKeyProject => Key?.State == KeyReviewState.Admitted;

    /// <summary>The supervised steps' due dates (在谈督签约, 签约督落地, 落地督竣工), in stage order.</summary>
    public ImmutableArray<StageDue> DueDates { get; init; } = [];
}
