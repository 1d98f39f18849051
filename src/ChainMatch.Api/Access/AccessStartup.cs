using ChainMatch.Domain.Access;
using ChainMatch.Storage.Access;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Access;

/// <summary>
/// Before the server takes requests: the access store creates what its records need (and takes over an older
/// deployment's access.db). A fresh install has no keys and so no way in: the first start then creates one admin key
/// for every region and prints it once on standard output (not in the log). Later starts find a key and do nothing.
/// </summary>
sealed class AccessStartup(IAccessStore access, IOptions<AccessOptions> options, TimeProvider time, ILogger<AccessStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await access.InitialiseAsync(ct);
        if (!options.Value.CreateAdminKeyOnFirstStart || await access.HasAnyKeyAsync(ct)) return;
        var (key, token) = await access.CreateKeyAsync("local-admin", Role.Admin.Name, Caller.AllRegions, [], time.GetUtcNow(), ct);
        Console.Out.WriteLine($"""

            ChainMatch: created the first admin key ({key.Id}); it is shown this once, so keep it now.
              {token}
            Sign in to the web UI with it, or send it as "Authorization: Bearer <key>". Make narrower keys with `chainmatch keys create`.

            """);
        log.LogWarning("Created the first admin key {KeyId} (printed on standard output)", key.Id);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
