using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>The service process killed outright in the middle of a large import loses nothing and half-writes nothing.</summary>
public class KillDuringImportTests
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    SeedFolder _data = null!;

    [SetUp]
    public void CreateDataFolder() => _data = SeedFolder.Empty();

    [TearDown]
    public void DeleteDataFolder() => _data.Dispose();

    string StorePath => Path.Combine(_data.Path, "chainmatch.db");

    [Test, CancelAfter(180_000)]
    public async Task AServiceKilledMidImportLeavesTheStoreAsBeforeAndStartsCleanlyOnIt()
    {
        string before;
        string key;
        using (var service = await ServiceProcess.StartAsync(_data.Path, SeedFolder.Fixture("mini-seeds"), StartTimeout))
        using (var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = Timeout.InfiniteTimeSpan })
        {
            key = service.FirstAdminKey ?? throw new AssertionException("the first start printed no admin key:\n" + service.Log);
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), service.Log);
            before = StoreDigest.Of(StorePath);
            var walBefore = WalLength();

            var import = client.PostAsync("/api/lists/china-top-500/editions/2024?createMissing=true", LargeEdition(100_000));
            // Under way: the import's uncommitted pages are spilling into the write-ahead log.
            while (WalLength() < walBefore + 1_000_000 && !import.IsCompleted) await Task.Delay(5);
            service.Kill();

            Assert.That(import.IsCompletedSuccessfully && import.Result.IsSuccessStatusCode, Is.False, "the import finished before the kill");
            Assert.That(service.Log, Does.Not.Contain("Wrote list edition"));
        }

        Assert.That(StoreDigest.Of(StorePath), Is.EqualTo(before));

        using (var restarted = await ServiceProcess.StartAsync(_data.Path, SeedFolder.Fixture("mini-seeds"), StartTimeout))
        using (var client = new HttpClient { BaseAddress = restarted.BaseAddress })
        {
            Assert.That(restarted.FirstAdminKey, Is.Null, "a second start creates no key");
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            var health = (await client.GetFromJsonAsync<JsonNode>("/health"))!;
            Assert.That((string?)health["status"], Is.EqualTo("healthy"), restarted.Log);
            Assert.That((await client.GetAsync("/api/chains/battery")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            var small = await client.PostAsync("/api/lists/china-top-500/editions/2024?createMissing=true", LargeEdition(3));
            Assert.That(small.StatusCode, Is.EqualTo(HttpStatusCode.OK), await small.Content.ReadAsStringAsync());
            Assert.That(restarted.Log, Does.Not.Contain("Store is empty"));
        }
    }

    long WalLength() => new FileInfo(StorePath + "-wal") is { Exists: true } wal ? wal.Length : 0;

    /// <summary>A synthetic list edition of firms the graph does not hold, each created by the import.</summary>
    static StringContent LargeEdition(int rows)
    {
        var csv = new StringBuilder("rank,name,name_en\n");
        for (var i = 1; i <= rows; i++) csv.Append($"{i},合成企业{i:D6},Synthetic Firm {i}\n");
        return new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
    }
}
