namespace ChainMatch.Storage.Access;

/// <summary>
/// Who may call the service and what they changed: API keys (hashed), web sessions and the append-only audit log. They
/// live in the configured store beside the graph, so every service process over one store shares them.
/// </summary>
public interface IAccessStore
{
    /// <summary>Creates what the records need (tables or constraints) and takes over an older deployment's records; safe at every start.</summary>
    Task InitialiseAsync(CancellationToken ct = default);

    /// <summary>Creates a key and returns it with its token; the token is not stored and cannot be shown again.</summary>
    Task<(ApiKey Key, string Token)> CreateKeyAsync(string name, string role, string region, IReadOnlyList<string> chains, DateTimeOffset now, CancellationToken ct = default);

    Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken ct = default);

    /// <returns>False when no such key exists; revoking a revoked key keeps its first revocation time.</returns>
    Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>The live key a token belongs to, or null for a malformed, unknown, wrong or revoked token.</summary>
    Task<ApiKey?> FindActiveAsync(string token, CancellationToken ct = default);

    Task<bool> HasAnyKeyAsync(CancellationToken ct = default);

    /// <summary>Opens a web UI session for a key; its id goes into the session cookie and is checked on every request.</summary>
    Task<string> StartSessionAsync(string keyId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>True while the session has not been ended and its key is not revoked.</summary>
    Task<bool> IsSessionActiveAsync(string sessionId, string keyId, CancellationToken ct = default);

    Task EndSessionAsync(string sessionId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Appends an entry on its own; a graph write's entry goes in with the write instead (see <see cref="IGraphStore.ImportAsync"/>).</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>Entries oldest first, filtered; actor, action and target match as substrings.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery q, CancellationToken ct = default);
}
