namespace ChainMatch.Storage.Access;

/// <summary>An API key as listed: never the secret, which is shown once at creation and kept only as a hash.</summary>
public sealed record ApiKey(string Id, string Name, string Role, string Region, IReadOnlyList<string> Chains, DateTimeOffset Created, DateTimeOffset? Revoked);

/// <summary>One write as the audit log keeps it: who, when, what, and the values before and after (JSON).</summary>
public sealed record AuditEntry(long Seq, DateTimeOffset At, string Actor, string Action, string Target, string? Before, string? After);

public sealed record AuditQuery(string? Actor = null, string? Action = null, string? Target = null, DateTimeOffset? From = null, DateTimeOffset? To = null, int Limit = 1000);
