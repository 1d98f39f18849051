namespace ChainMatch.Domain.Contacts;

/// <summary>A change asked of a contact whose personal data was removed: there is nothing left to change.</summary>
public sealed class ContactRemovedException(string id) : Exception($"contact '{id}' was removed when consent was withdrawn")
{
    public string Id { get; } = id;
}
