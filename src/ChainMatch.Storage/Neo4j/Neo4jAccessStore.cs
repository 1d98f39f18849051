using ChainMatch.Storage.Access;
using Schema = ChainMatch.Storage.Neo4j.GraphSchema;

namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Keys, sessions and the audit log as nodes in the graph store's database. The code only ever creates them: a
/// revocation is a <c>KeyRevocation</c> node, a sign-out a <c>SessionEnd</c> node, nothing is updated or deleted. Audit
/// entries are numbered by a <c>StoreVersion {id: 'audit'}</c> counter, which also queues concurrent appends.
/// </summary>
public sealed class Neo4jAccessStore(Neo4jGraphStore store) : IAccessStore
{
    internal static IReadOnlyList<CypherStatement> Constraints =>
    [
        Unique("api_key_id", Schema.ApiKey, "id"),
        Unique("key_revocation_key", Schema.KeyRevocation, "key"),
        Unique("session_id", Schema.Session, "id"),
        Unique("session_end_session", Schema.SessionEnd, "session"),
        Unique("audit_entry_seq", Schema.AuditEntry, "seq"),
        new("schema audit_entry_at", $"CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:{Schema.AuditEntry}) ON (a.at)"),
    ];

    internal static readonly CypherStatement CreateKey = new("create key", $$"""
        CREATE (:{{Schema.ApiKey}} {id: $id, name: $name, role: $role, region: $region, chains: $chains, secretSha256: $hash, created: $at})
        """);

    const string KeyColumns = "k.id AS id, k.name AS name, k.role AS role, k.region AS region, k.chains AS chains, k.created AS created, r.at AS revoked";

    internal static readonly CypherStatement ListKeys = new("list keys", $$"""
        MATCH (k:{{Schema.ApiKey}})
        OPTIONAL MATCH (r:{{Schema.KeyRevocation}} {key: k.id})
        RETURN {{KeyColumns}}
        ORDER BY created, id
        """, ReadOnly: true);

    internal static readonly CypherStatement FindKey = new("find key", $$"""
        MATCH (k:{{Schema.ApiKey}} {id: $id})
        OPTIONAL MATCH (r:{{Schema.KeyRevocation}} {key: k.id})
        RETURN {{KeyColumns}}, k.secretSha256 AS secret
        """, ReadOnly: true);

    internal static readonly CypherStatement AnyKey = new("any key", $"MATCH (k:{Schema.ApiKey}) RETURN k.id AS id LIMIT 1", ReadOnly: true);

    // MERGE on the unique key: a second revocation finds the first and leaves it as it is.
    internal static readonly CypherStatement Revoke = new("revoke key", $$"""
        MATCH (k:{{Schema.ApiKey}} {id: $id})
        MERGE (r:{{Schema.KeyRevocation}} {key: k.id})
        ON CREATE SET r.at = $at
        RETURN k.id AS id
        """);

    internal static readonly CypherStatement StartSession = new("start session", $$"""
        CREATE (:{{Schema.Session}} {id: $id, key: $key, created: $at})
        """);

    internal static readonly CypherStatement SessionActive = new("session active", $$"""
        MATCH (s:{{Schema.Session}} {id: $id, key: $key}), (k:{{Schema.ApiKey}} {id: $key})
        WHERE NOT EXISTS { MATCH (:{{Schema.SessionEnd}} {session: s.id}) } AND NOT EXISTS { MATCH (:{{Schema.KeyRevocation}} {key: k.id}) }
        RETURN s.id AS id
        """, ReadOnly: true);

    internal static readonly CypherStatement EndSession = new("end session", $$"""
        MERGE (e:{{Schema.SessionEnd}} {session: $id})
        ON CREATE SET e.at = $at
        """);

    internal static readonly CypherStatement Append = new("append audit entry", $$"""
        MERGE (v:{{Schema.StoreVersion}} {id: 'audit'})
        SET v.n = coalesce(v.n, 0) + 1
        CREATE (:{{Schema.AuditEntry}} {seq: v.n, at: $at, actor: $actor, action: $action, target: $target, before: $before, after: $after})
        """);

    internal static readonly CypherStatement QueryAudit = new("query audit", $$"""
        MATCH (a:{{Schema.AuditEntry}})
        WHERE ($actor IS NULL OR a.actor CONTAINS $actor) AND ($action IS NULL OR a.action CONTAINS $action)
          AND ($target IS NULL OR a.target CONTAINS $target) AND ($from IS NULL OR a.at >= $from) AND ($to IS NULL OR a.at < $to)
        RETURN a.seq AS seq, a.at AS at, a.actor AS actor, a.action AS action, a.target AS target, a.before AS before, a.after AS after
        ORDER BY seq
        LIMIT $limit
        """, ReadOnly: true);

    internal static IReadOnlyList<CypherStatement> All => [.. Constraints, CreateKey, ListKeys, FindKey, AnyKey, Revoke, StartSession, SessionActive, EndSession, Append, QueryAudit];

    QueryApiClient Client => store.Client;

    /// <summary>The graph's schema first (the audit counter shares its StoreVersion constraint), then the access records' own, one request each.</summary>
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        await store.InitialiseAsync(ct);
        foreach (var statement in Constraints) await Client.RunAsync(statement, ct);
    }

    public async Task<(ApiKey Key, string Token)> CreateKeyAsync(string name, string role, string region, IReadOnlyList<string> chains, DateTimeOffset now, CancellationToken ct = default)
    {
        var (id, secret, token) = ApiKeyTokens.New();
        await Client.RunAsync(With(CreateKey, ("id", id), ("name", name), ("role", role), ("region", region), ("chains", chains.ToArray()),
            ("hash", Convert.ToBase64String(ApiKeyTokens.Hash(secret))), ("at", Time(now))), ct);
        return (new ApiKey(id, name, role, region, chains, now, null), token);
    }

    public async Task<IReadOnlyList<ApiKey>> ListKeysAsync(CancellationToken ct = default) =>
        [.. (await Client.RunAsync(ListKeys, ct)).Records.Select(ReadKey)];

    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken ct = default) =>
        (await Client.RunAsync(With(Revoke, ("id", id), ("at", Time(now))), ct)).Records.Count == 1;

    public async Task<ApiKey?> FindActiveAsync(string token, CancellationToken ct = default)
    {
        if (ApiKeyTokens.Parse(token) is not var (id, secret)) return null;
        if ((await Client.RunAsync(With(FindKey, ("id", id)), ct)).Records is not [var row]) return null;
        var key = ReadKey(row);
        return ApiKeyTokens.Matches(Convert.FromBase64String(row.RequiredString("secret")), secret) && key.Revoked is null ? key : null;
    }

    public async Task<bool> HasAnyKeyAsync(CancellationToken ct = default) => (await Client.RunAsync(AnyKey, ct)).Records.Count > 0;

    public async Task<string> StartSessionAsync(string keyId, DateTimeOffset now, CancellationToken ct = default)
    {
        var id = ApiKeyTokens.NewSessionId();
        await Client.RunAsync(With(StartSession, ("id", id), ("key", keyId), ("at", Time(now))), ct);
        return id;
    }

    public async Task<bool> IsSessionActiveAsync(string sessionId, string keyId, CancellationToken ct = default) =>
        (await Client.RunAsync(With(SessionActive, ("id", sessionId), ("key", keyId)), ct)).Records.Count == 1;

    public async Task EndSessionAsync(string sessionId, DateTimeOffset now, CancellationToken ct = default) =>
        await Client.RunAsync(With(EndSession, ("id", sessionId), ("at", Time(now))), ct);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct = default) => await Client.RunAsync(AppendStatement(entry), ct);

    /// <summary>The append as a statement, for a graph import to run inside its own transaction.</summary>
    internal static CypherStatement AppendStatement(AuditEntry e) =>
        With(Append, ("at", Time(e.At)), ("actor", e.Actor), ("action", e.Action), ("target", e.Target), ("before", e.Before), ("after", e.After));

    public async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(AuditQuery q, CancellationToken ct = default)
    {
        var result = await Client.RunAsync(With(QueryAudit, ("actor", q.Actor), ("action", q.Action), ("target", q.Target),
            ("from", q.From is { } from ? Time(from) : null), ("to", q.To is { } to ? Time(to) : null), ("limit", q.Limit)), ct);
        return [.. result.Records.Select(r => new AuditEntry(r.Integer("seq") ?? 0, DateTimeOffset.Parse(r.RequiredString("at"), System.Globalization.CultureInfo.InvariantCulture),
            r.RequiredString("actor"), r.RequiredString("action"), r.RequiredString("target"), r.String("before"), r.String("after")))];
    }

    static ApiKey ReadKey(QueryRecord r) => new(r.RequiredString("id"), r.RequiredString("name"), r.RequiredString("role"), r.RequiredString("region"),
        r.StringList("chains"), DateTimeOffset.Parse(r.RequiredString("created"), System.Globalization.CultureInfo.InvariantCulture),
        r.String("revoked") is { } revoked ? DateTimeOffset.Parse(revoked, System.Globalization.CultureInfo.InvariantCulture) : null);

    /// <summary>Times as UTC round-trip text, which sorts as the times do, so the audit filters compare strings.</summary>
    static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);

    static CypherStatement With(CypherStatement statement, params (string Name, object? Value)[] parameters) =>
        statement with { Parameters = parameters.ToDictionary(p => p.Name, p => p.Value) };

    static CypherStatement Unique(string name, string label, string key) =>
        new($"schema {name}", $"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{Schema.Label(label)}) REQUIRE n.{key} IS UNIQUE");
}
