namespace ChainMatch.Domain;

/// <summary>
/// A value that breaks a rule, with the field it came in (as the request or file names it) and the reason alone,
/// so the API answers a problem naming the field and an importer names the column without taking messages apart.
/// </summary>
public sealed class InvalidValueException(string field, string reason) : Exception(reason)
{
    public string Field { get; } = field;
}
