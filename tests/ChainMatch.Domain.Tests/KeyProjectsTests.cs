using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class KeyProjectsTests
{
    static readonly DateOnly March = new(2024, 3, 1), April = new(2024, 4, 1);

    static Project At(ProjectStage stage) =>
        new("p", new FirmId("f"), new SegmentId("s"), new RegionCode("530100"), "team", [new StageChange(stage, new DateOnly(2024, 1, 1))], Provenance.None);

    static Project Proposed() => KeyProjects.Propose(At(ProjectStage.Negotiating), "kunming-officer", March, "链主企业, 投资50亿元");

    [Test]
    public void AProposalAwaitsReviewWithItsProposerDateAndReason()
    {
        var key = Proposed().Key!;
        Assert.That((key.State, key.ProposedBy, key.ProposedOn, key.Reason), Is.EqualTo((KeyReviewState.Proposed, "kunming-officer", March, "链主企业, 投资50亿元")));
    }

    [Test]
    public void AnAdmissionRecordsTheReviewerDateAndReason()
    {
        var admitted = KeyProjects.Review(Proposed(), "province-office", April, admit: true, "符合省重点项目标准");
        Assert.That(admitted.IsKeyProject, Is.True);
        Assert.That((admitted.Key!.ReviewedBy, admitted.Key.ReviewedOn, admitted.Key.ReviewReason), Is.EqualTo(("province-office", (DateOnly?)April, "符合省重点项目标准")));
    }

    [Test]
    public void AProposerCannotReviewTheirOwnProposal() =>
        Assert.That(() => KeyProjects.Review(Proposed(), "kunming-officer", April, admit: true, "ok"),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("reviewed by someone else"));

    [Test]
    public void AReviewNeedsAReason() =>
        Assert.That(() => KeyProjects.Review(Proposed(), "province-office", April, admit: false, " "),
            Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("reason"));

    [Test]
    public void AReviewCannotPrecedeTheProposal() =>
        Assert.That(() => KeyProjects.Review(Proposed(), "province-office", new DateOnly(2024, 2, 1), admit: true, "ok"),
            Throws.TypeOf<InvalidValueException>().With.Property("Field").EqualTo("date"));

    [Test]
    public void APendingProposalCannotBeProposedAgain() =>
        Assert.That(() => KeyProjects.Propose(Proposed(), "other", April, "again"), Throws.TypeOf<ProjectConflictException>());

    [Test]
    public void AProjectWithoutAPendingProposalHasNothingToReview() =>
        Assert.That(() => KeyProjects.Review(At(ProjectStage.Lead), "province-office", April, admit: true, "ok"), Throws.TypeOf<ProjectConflictException>());

    [Test]
    public void ARefusedProjectMayBeProposedAgainAndKeepsTheRefusal()
    {
        var refused = KeyProjects.Review(Proposed(), "province-office", April, admit: false, "投资额不足");
        var again = KeyProjects.Propose(refused, "kunming-officer", new DateOnly(2024, 5, 1), "投资额增至80亿元");
        Assert.That(again.KeyReviews.Select(r => r.State), Is.EqualTo(new[] { KeyReviewState.Refused, KeyReviewState.Proposed }));
    }

    [Test]
    public void ALostProjectIsNotProposed() =>
        Assert.That(() => KeyProjects.Propose(At(ProjectStage.Lost), "kunming-officer", March, "key"), Throws.TypeOf<ProjectConflictException>());

    [Test]
    public void AKunmingCallerCannotReviewAKunmingProjectButTheProvinceCan()
    {
        var graph = new ChainGraphBuilder().Chain("battery", "s").Firm("f", @in: "s", at: "530181").Build();
        var project = At(ProjectStage.Lead);
        Assert.That(() => new Scope("530100").DemandKeyReview(graph, project), Throws.TypeOf<AccessDeniedException>().With.Message.Contains("a level above"));
        Assert.DoesNotThrow(() => new Scope("530000").DemandKeyReview(graph, project));
    }
}
