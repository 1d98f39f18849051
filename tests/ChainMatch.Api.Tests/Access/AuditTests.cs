using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChainMatch.Domain.Access;
using Microsoft.Data.Sqlite;

namespace ChainMatch.Api.Tests.Access;

public sealed class AuditTests : ApiTest
{
    [Test]
    public async Task A_firm_edit_is_recorded_with_who_when_and_the_values_before_and_after()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var put = await Client.PutAsJsonAsync("/api/firms/foil-co", new { name = "铝箔股份公司", headquarters = "530100", ownership = "private" });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var entries = (await GetJson("/api/audit?target=firm:foil-co")).AsArray();
        Assert.That(entries, Has.Count.EqualTo(1));
        var entry = entries[0]!;
        Assert.Multiple(() =>
        {
            Assert.That((string?)entry["actor"], Is.EqualTo("key:test-admin-*"));
            Assert.That((string?)entry["action"], Is.EqualTo("PUT /api/firms/{firmId}"));
            Assert.That(DateTimeOffset.Parse((string)entry["at"]!), Is.GreaterThan(before).And.LessThan(DateTimeOffset.UtcNow.AddSeconds(1)));
            Assert.That((string?)JsonNode.Parse((string)entry["before"]!)!["name"], Is.EqualTo("铝箔公司"));
            Assert.That((string?)JsonNode.Parse((string)entry["after"]!)!["name"], Is.EqualTo("铝箔股份公司"));
        });
    }

    [Test]
    public async Task Refused_writes_and_reads_are_not_recorded()
    {
        using var refused = await Client.PutAsJsonAsync("/api/firms/foil-co", new { name = "" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await refused.Content.ReadAsStringAsync());
        using var read = await Client.GetAsync("/api/firms/foil-co");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await GetJson("/api/audit")).AsArray(), Is.Empty);
    }

    [Test]
    public async Task Project_moves_are_recorded_and_exported_as_csv_for_admins_only()
    {
        var moved = await Client.PostAsJsonAsync("/api/projects/foil-for-kunming/stages", new { stage = "lost", date = "2026-01-05", note = "went to Ningde" });
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        var csv = await Client.GetStringAsync("/api/audit.csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0].TrimEnd('\r'), Is.EqualTo("seq,at,actor,action,target,before,after"));
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[1], Does.Contain("POST /api/projects/{projectId}/stages").And.Contain("project:foil-for-kunming").And.Contain("went to Ningde"));

        using var investment = App.ClientAs(Role.Investment, "*");
        Assert.That((await investment.GetAsync("/api/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_log_refuses_changes_to_recorded_entries()
    {
        using var put = await Client.PutAsJsonAsync("/api/firms/foil-co", new { name = "铝箔股份公司", headquarters = "530100" });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        using var db = new SqliteConnection($"Data Source={Path.Combine(App.DataDirectory, "chainmatch.db")}");
        db.Open();
        using var update = db.CreateCommand();
        update.CommandText = "UPDATE audit SET actor = 'someone else'";
        Assert.That(() => update.ExecuteNonQuery(), Throws.InstanceOf<SqliteException>().With.Message.Contains("append-only"));
        using var delete = db.CreateCommand();
        delete.CommandText = "DELETE FROM audit";
        Assert.That(() => delete.ExecuteNonQuery(), Throws.InstanceOf<SqliteException>().With.Message.Contains("append-only"));
    }

    [Test]
    public async Task A_write_whose_audit_entry_cannot_be_recorded_does_not_happen()
    {
        var store = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChainMatch.Api.Graph.GraphOptions>>(Services).Value.StorePath;
        var before = StoreDigest.Of(store);
        using (var db = new SqliteConnection($"Data Source={Path.Combine(App.DataDirectory, "chainmatch.db")};Pooling=False"))
        {
            db.Open();
            using var refuse = db.CreateCommand();
            refuse.CommandText = "CREATE TRIGGER audit_full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END";
            refuse.ExecuteNonQuery();
        }

        var put = await Client.PutAsJsonAsync("/api/firms/foil-co", new { name = "铝箔股份公司", headquarters = "530100" });

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(StoreDigest.Of(store), Is.EqualTo(before), "the store took a write the audit log did not record");
        Assert.That((string?)(await GetJson("/api/firms/foil-co"))["name"], Is.EqualTo("铝箔公司"));
    }

    [Test]
    public async Task Bad_filters_are_named()
    {
        var response = await Client.GetAsync("/api/audit?from=yesterday&limit=0");
        var problem = await response.Content.ReadFromJsonAsync<JsonNode>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "from", "limit" }));
    }
}
