using System.Collections.Concurrent;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;

namespace ChainMatch.Api.Access;

/// <summary>
/// Keys live in the store, and on Neo4j the store can be away while reads go on from the projection. A key this
/// process checked within <see cref="Memory"/> keeps reading through such an outage; an unknown token, or one not seen
/// lately, is refused with the outage's 503. Only while the store is away: every other request asks the store, so a
/// revocation counts from the next request on.
/// </summary>
public sealed class RecentKeys(IAccessStore access, TimeProvider time, ILogger<RecentKeys> log)
{
    static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    readonly ConcurrentDictionary<string, (ApiKey Key, DateTimeOffset Seen)> _seen = new();

    public async Task<ApiKey?> FindActiveAsync(string token, CancellationToken ct)
    {
        var hash = Convert.ToHexString(ApiKeyTokens.Hash(token));
        try
        {
            var key = await access.FindActiveAsync(token, ct);
            if (key is null) _seen.TryRemove(hash, out _);
            else _seen[hash] = (key, time.GetUtcNow());
            return key;
        }
        catch (StoreUnavailableException e) when (_seen.TryGetValue(hash, out var recent) && time.GetUtcNow() - recent.Seen < Memory)
        {
            log.LogWarning("Store unavailable: key {KeyId} admitted as it was checked at {Seen:O} ({Reason})", recent.Key.Id, recent.Seen, e.Message);
            return recent.Key;
        }
    }
}
