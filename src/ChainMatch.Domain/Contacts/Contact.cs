using System.Text.RegularExpressions;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Contacts;

/// <summary>
/// A person the investment team deals with at a firm (客商库): personal data, held by the region and team that met them
/// and only on the basis the consent note records. A contact removed when consent was withdrawn keeps its id, firm, region,
/// team and dates, so the interactions that name it still stand, and nothing personal.
/// </summary>
public sealed partial record Contact(string Id, FirmId Firm, RegionCode Region, string Name, string? Title, string? Phone, string? Email,
    string OwnerTeam, string ConsentNote, DateOnly Added, DateOnly? Removed = null)
{
    public bool IsRemoved => Removed is not null;

    /// <summary>
    /// The contact with its title, phone, e-mail, owning team and consent note replaced, checked as <see cref="Create"/>
    /// checks them; the person's name, firm and region stay. A removed contact cannot be edited back into being.
    /// </summary>
    public Contact Edit(string? title, string? phone, string? email, string? ownerTeam, string? consentNote)
    {
        if (IsRemoved) throw new ContactRemovedException(Id);
        return Create(Id, Firm, Region, Name, title, phone, email, ownerTeam, consentNote, Added);
    }

    /// <summary>
    /// The contact once the person withdrew consent on <paramref name="on"/>: name, title, phone, e-mail and consent note
    /// are gone for good; what is left says only that a contact of this firm, region and team existed.
    /// </summary>
    public Contact Remove(DateOnly on)
    {
        if (IsRemoved) throw new ContactRemovedException(Id);
        return this with { Name = "", Title = null, Phone = null, Email = null, ConsentNote = "", Removed = on };
    }

    /// <summary>
    /// A contact with its texts trimmed and checked: a name, the owning team and a consent note are required; a phone is
    /// digits with an optional leading + and separators; an e-mail is one address. The first broken rule is thrown, naming its field.
    /// </summary>
    public static Contact Create(string id, FirmId firm, RegionCode region, string? name, string? title, string? phone, string? email,
        string? ownerTeam, string? consentNote, DateOnly added)
    {
        var checkedPhone = CrmText.Optional(phone, "phone", 40);
        if (checkedPhone is not null && !PhonePattern().IsMatch(checkedPhone))
            throw new InvalidValueException("phone", $"'{checkedPhone}' is not a phone number: digits, an optional leading +, spaces, '-' or brackets");
        var checkedEmail = CrmText.Optional(email, "email", 200);
        if (checkedEmail is not null && !EmailPattern().IsMatch(checkedEmail))
            throw new InvalidValueException("email", $"'{checkedEmail}' is not an e-mail address");
        return new Contact(id, firm, region, CrmText.Required(name, "name", 100, "a contact needs the person's name"), CrmText.Optional(title, "title", 100),
            checkedPhone, checkedEmail, CrmText.Required(ownerTeam, "ownerTeam", 100, "a contact needs the team that owns it"),
            CrmText.Required(consentNote, "consentNote", 500, "a contact needs a consent note: how and when the person agreed to be recorded"), added);
    }

    /// <summary>What the append-only audit log keeps of a contact: nothing personal, so removing a contact removes it for good.</summary>
    public ContactTrace Trace() => new(Id, Firm, Region, OwnerTeam, Added, Removed);

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,38}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

/// <summary>A contact as the audit log records it: which one, of which firm, region and team, added and removed when.</summary>
public sealed record ContactTrace(string Id, FirmId Firm, RegionCode Region, string OwnerTeam, DateOnly Added, DateOnly? Removed);

/// <summary>The length and presence rules every text of the 客商库 follows.</summary>
static class CrmText
{
    public static string Required(string? text, string field, int max, string missing) =>
        Optional(text, field, max) ?? throw new InvalidValueException(field, missing);

    public static string? Optional(string? text, string field, int max)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        if (trimmed.Length > max) throw new InvalidValueException(field, $"at most {max} characters, not {trimmed.Length}");
        return trimmed;
    }
}
