using System.Collections.Immutable;

namespace ChainMatch.Domain.Projects;

/// <summary>Where a project stands with the key-project library (重点项目库).</summary>
public enum KeyReviewState { Proposed, Admitted, Refused }

/// <summary>One proposal of a project for the key-project library and, once reviewed, who admitted or refused it, when and why.</summary>
public sealed record KeyReview(KeyReviewState State, string ProposedBy, DateOnly ProposedOn, string Reason,
    string? ReviewedBy = null, DateOnly? ReviewedOn = null, string? ReviewReason = null);

/// <summary>
/// The key-project library's rules: a project is proposed with a reason, then admitted or refused by a reviewer other
/// than its proposer, with the date and the reason. A refused project may be proposed again; every proposal is kept.
/// </summary>
public static class KeyProjects
{
    public static Project Propose(Project project, string proposer, DateOnly on, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidValueException("reason", "a proposal for the key-project library says why the project is key");
        if (on < project.History[0].Date)
            throw new InvalidValueException("date", $"project {project.Id}: proposed on {on:yyyy-MM-dd}, before the project began ({project.History[0].Date:yyyy-MM-dd})");
        if (project.Stage == ProjectStage.Lost) throw new ProjectConflictException("Project lost", $"project {project.Id} is lost: a lost project is not proposed as a key project");
        switch (project.Key?.State)
        {
            case KeyReviewState.Proposed:
                throw new ProjectConflictException("Already proposed", $"project {project.Id} was proposed on {project.Key.ProposedOn:yyyy-MM-dd} and awaits its review");
            case KeyReviewState.Admitted:
                throw new ProjectConflictException("Already a key project", $"project {project.Id} was admitted on {project.Key.ReviewedOn:yyyy-MM-dd}");
        }
        return project with { KeyReviews = project.KeyReviews.Add(new KeyReview(KeyReviewState.Proposed, proposer, on, reason.Trim())) };
    }

    /// <summary>Admits or refuses the pending proposal; its proposer may not review it.</summary>
    public static Project Review(Project project, string reviewer, DateOnly on, bool admit, string reason)
    {
        if (project.Key is not { State: KeyReviewState.Proposed } pending)
            throw new ProjectConflictException("Nothing to review", $"project {project.Id} has no proposal awaiting review");
        if (string.Equals(pending.ProposedBy, reviewer, StringComparison.Ordinal))
            throw new Access.AccessDeniedException($"project {project.Id} was proposed by {reviewer}: a proposal is reviewed by someone else");
        if (string.IsNullOrWhiteSpace(reason)) throw new InvalidValueException("reason", admit ? "an admission records its reason" : "a refusal records its reason");
        if (on < pending.ProposedOn)
            throw new InvalidValueException("date", $"project {project.Id}: reviewed on {on:yyyy-MM-dd}, before it was proposed ({pending.ProposedOn:yyyy-MM-dd})");
        var reviewed = pending with { State = admit ? KeyReviewState.Admitted : KeyReviewState.Refused, ReviewedBy = reviewer, ReviewedOn = on, ReviewReason = reason.Trim() };
        return project with { KeyReviews = project.KeyReviews.SetItem(project.KeyReviews.Length - 1, reviewed) };
    }

    public static string Name(KeyReviewState state) => state.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out KeyReviewState state)
    {
        foreach (var s in Enum.GetValues<KeyReviewState>())
            if (Name(s) == name)
            {
                state = s;
                return true;
            }
        state = default;
        return false;
    }

    public static string Names => string.Join(", ", Enum.GetValues<KeyReviewState>().Select(Name));
}

/// <summary>A change the project as it stands refuses (already proposed, nothing to review, already past the stage); answered 409.</summary>
public sealed class ProjectConflictException(string title, string message) : Exception(message)
{
    public string Title { get; } = title;
}
