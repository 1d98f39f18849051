namespace ChainMatch.Domain;

/// <summary>What the web UI shows for a value, in Chinese (the default) and English; the UI takes it from the API rather than keeping its own copy.</summary>
public sealed record Label(string Zh, string En);
