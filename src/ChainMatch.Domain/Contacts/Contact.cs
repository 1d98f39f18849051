using System.Text.RegularExpressions;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Contacts;

/// <summary>
/// A person the investment team deals with at a firm (客商库): personal data, held by the region and team that met them
/// and only on the basis the consent note records.
/// </summary>
public sealed partial record Contact(string Id, FirmId Firm, RegionCode Region, string Name, string? Title, string? Phone, string? Email,
    string OwnerTeam, string ConsentNote, DateOnly Added)
{
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

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,38}[0-9]$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}

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
