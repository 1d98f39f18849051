using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Two real service processes (the built ChainMatch.Api, each on its own port) over one SQLite store file, as two
/// replicas behind a proxy would run: keys, sessions, writes and refusals made through one hold on the other.
/// </summary>
[NonParallelizable]
public class ReplicaTests
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    // Generous: only the catch-up itself is held to its 2 s; a loaded machine may take longer to answer at all.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    SeedFolder _data = null!;
    ServiceProcess _a = null!, _b = null!;
    string _adminKey = null!;

    [OneTimeSetUp]
    public async Task StartTwoProcesses()
    {
        _data = SeedFolder.Empty();
        // A first: it creates the store, imports the seeds and prints the first admin key; B then finds all three.
        _a = await ServiceProcess.StartAsync(_data.Path, SeedFolder.Fixture("mini-seeds"), StartTimeout);
        _adminKey = _a.FirstAdminKey ?? throw new AssertionException($"A printed no first admin key:\n{_a.Log}");
        _b = await ServiceProcess.StartAsync(_data.Path, SeedFolder.Fixture("mini-seeds"), StartTimeout);
    }

    [OneTimeTearDown]
    public void StopProcesses()
    {
        _b?.Dispose();
        _a?.Dispose();
        _data?.Dispose();
    }

    HttpClient Client(ServiceProcess service, string? key = null)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = service.BaseAddress, Timeout = Patience };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Test]
    public async Task AKeyAndASessionMadeThroughOneProcessWorkOnTheOther()
    {
        using var b = Client(_b, _adminKey);
        Assert.That((await b.GetAsync("/api/chains")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the key A created at its first start");

        using var a = Client(_a);
        var signIn = await a.PostAsJsonAsync("/api/session", new { key = _adminKey });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signIn.Content.ReadAsStringAsync());
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var onB = Client(_b);
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        using var onA = Client(_a);
        onA.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.That((await onB.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "A's session cookie on B");

        Assert.That((await onB.DeleteAsync("/api/session")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await onA.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "signed out on B, the cookie no longer works on A");
    }

    [Test]
    public async Task AProjectMovedOnOneProcessIsSeenOnTheOtherWithinTwoSeconds()
    {
        using var a = Client(_a, _adminKey);
        using var b = Client(_b, _adminKey);
        var id = $"replica-{Guid.NewGuid():N}"[..20];
        var created = await a.PostAsJsonAsync("/api/projects", Lead(id));
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created).Or.EqualTo(HttpStatusCode.OK), await created.Content.ReadAsStringAsync());
        await StageOn(b, id, "lead", Patience);

        var moved = await a.PostAsJsonAsync($"/api/projects/{id}/stages", new { stage = "contacted", date = "2025-04-01" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var caughtUp = await StageOn(b, id, "contacted", Patience);

        TestContext.Out.WriteLine($"B saw the move {caughtUp.TotalMilliseconds:0} ms after A answered");
        Assert.That(caughtUp, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public async Task AWriteRefusedOnOneProcessForAConflictIsRefusedOnTheOtherToo()
    {
        using var a = Client(_a, _adminKey);
        using var b = Client(_b, _adminKey);
        var id = $"replica-{Guid.NewGuid():N}"[..20];
        var created = await a.PostAsJsonAsync("/api/projects", Lead(id));
        Assert.That(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        // At once, before B's periodic catch-up can have run: B must not plan on the graph it still holds.
        var onB = await b.PostAsJsonAsync("/api/projects", Lead(id));
        var onA = await a.PostAsJsonAsync("/api/projects", Lead(id));

        Assert.That((onA.StatusCode, onB.StatusCode), Is.EqualTo((HttpStatusCode.Conflict, HttpStatusCode.Conflict)), await onB.Content.ReadAsStringAsync());
        Assert.That((string?)(await onB.Content.ReadFromJsonAsync<JsonNode>())!["title"], Is.EqualTo("Project exists"));
        var projects = await b.GetFromJsonAsync<JsonNode>($"/api/projects?region=530181");
        Assert.That(projects!.ToJsonString().Split(id).Length - 1, Is.EqualTo(1), "one project, not two, whichever process is asked");
    }

    static object Lead(string id) => new { id, firm = "smelter-co", segment = "foil", region = "530181", ownerTeam = "安宁市投资促进局", date = "2025-03-01" };

    /// <summary>Polls the process until the project shows the stage; how long that took, or a failure after the patience.</summary>
    static async Task<TimeSpan> StageOn(HttpClient client, string id, string stage, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        string last = "";
        while (clock.Elapsed < patience)
        {
            using var response = await client.GetAsync($"/api/projects/{id}");
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.IsSuccessStatusCode && (string?)JsonNode.Parse(last[4..])!["stage"] == stage) return clock.Elapsed;
            await Task.Delay(20);
        }
        Assert.Fail($"project {id} never showed stage '{stage}' within {patience.TotalSeconds} s; last answer: {last}");
        return clock.Elapsed;
    }
}
