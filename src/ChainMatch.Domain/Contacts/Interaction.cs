using System.Diagnostics.CodeAnalysis;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Contacts;

/// <summary>How the team met a firm.</summary>
public enum InteractionKind { Visit, Meeting, Call, Event }

/// <summary>
/// One visit, meeting, call or event with a firm: when, who went, what was said and the next step; optionally with one of
/// the firm's contacts and for one project. Held by the region that logged it.
/// </summary>
public sealed record Interaction(string Id, InteractionKind Kind, DateOnly Date, FirmId Firm, RegionCode Region, string? Contact, string? Project,
    string Who, string Notes, string? NextStep, string OwnerTeam)
{
    public static readonly string Kinds = string.Join(", ", Enum.GetValues<InteractionKind>().Select(Name));

    public static string Name(InteractionKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, [NotNullWhen(true)] out InteractionKind? kind)
    {
        kind = Enum.GetValues<InteractionKind>().Cast<InteractionKind?>().FirstOrDefault(k => Name(k!.Value) == text?.Trim().ToLowerInvariant());
        return kind is not null;
    }

    /// <summary>
    /// An interaction checked against what it names: not dated after <paramref name="today"/>; the contact, when named, is one
    /// of the firm's; the project, when named, is the firm's and lies in the interaction's region. Throws naming the field.
    /// </summary>
    public static Interaction Create(string id, InteractionKind kind, DateOnly date, FirmId firm, RegionCode region, Contact? contact, Project? project,
        string? who, string? notes, string? nextStep, string? ownerTeam, DateOnly today)
    {
        if (date > today) throw new InvalidValueException("date", $"{date:yyyy-MM-dd} is in the future: log an interaction once it has happened");
        if (contact is not null && contact.Firm != firm) throw new InvalidValueException("contact", $"contact '{contact.Id}' works for {contact.Firm}, not {firm}");
        if (project is not null && project.Firm != firm) throw new InvalidValueException("project", $"project '{project.Id}' is for {project.Firm}, not {firm}");
        if (project is not null && project.Region != region)
            throw new InvalidValueException("project", $"project '{project.Id}' is {project.Region}'s: log its interactions in that region");
        return new Interaction(id, kind, date, firm, region, contact?.Id, project?.Id,
            CrmText.Required(who, "who", 200, "name who took part"), CrmText.Required(notes, "notes", 4000, "an interaction needs notes: what was discussed"),
            CrmText.Optional(nextStep, "nextStep", 1000), CrmText.Required(ownerTeam, "ownerTeam", 100, "an interaction needs the team that owns it"));
    }
}
