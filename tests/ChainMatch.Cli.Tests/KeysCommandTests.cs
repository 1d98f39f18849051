using System.Text.Json.Nodes;
using ChainMatch.Storage.Access;

namespace ChainMatch.Cli.Tests;

public class KeysCommandTests : SeededStoreTest
{
    IAccessStore Access => TestAccess.OpenAsync(Dir.Path).GetAwaiter().GetResult();

    [Test]
    public async Task A_created_key_is_shown_once_kept_hashed_listed_and_revoked()
    {
        var create = await CliRun.Of("keys", "create", "--name", "kunming-investment", "--role", "investment", "--region", "530100", "--store", Store);
        Assert.That(create.ExitCode, Is.Zero, create.Error);
        var token = create.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim();
        Assert.That(token, Does.StartWith("cmk_"));
        var key = await Access.FindActiveAsync(token);
        Assert.That(key, Is.Not.Null);
        Assert.That((key!.Role, key.Region), Is.EqualTo(("investment", "530100")));
        foreach (var file in Directory.GetFiles(Dir.Path, "chainmatch.db*"))
            Assert.That(System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file)), Does.Not.Contain(token.Split('_', 3)[2]), $"only the secret's hash is stored ({file})");

        var list = await CliRun.Of("keys", "list", "--format", "json", "--store", Store);
        var listed = JsonNode.Parse(list.Output)!.AsArray().Single()!;
        Assert.That((string?)listed["name"], Is.EqualTo("kunming-investment"));
        Assert.That(list.Output, Does.Not.Contain(token.Split('_', 3)[2]));

        var revoke = await CliRun.Of("keys", "revoke", key.Id, "--store", Store);
        Assert.That(revoke.ExitCode, Is.Zero, revoke.Error);
        Assert.That(await Access.FindActiveAsync(token), Is.Null);
        var audit = await Access.QueryAuditAsync(new AuditQuery(Target: $"key:{key.Id}"));
        Assert.That(audit.Select(a => a.Action), Is.EqualTo(new[] { "keys create", "keys revoke" }));
        Assert.That(JsonNode.Parse(audit[1].Before!)!["revoked"], Is.Null);
        Assert.That(DateTimeOffset.Parse((string)JsonNode.Parse(audit[1].After!)!["revoked"]!), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
    }

    [TestCase("--role", "mayor", "error: --role 'mayor' is not a role: use chain-chief, investment, planner, admin", 2)]
    [TestCase("--region", "999999", "error: --region '999999' is not a region of the graph", 1)]
    public async Task A_bad_role_or_region_is_refused_in_one_line(string option, string value, string message, int exitCode)
    {
        var args = new Dictionary<string, string> { ["--role"] = "planner", ["--region"] = "530100" };
        args[option] = value;
        var run = await CliRun.Of("keys", "create", "--name", "k", "--role", args["--role"], "--region", args["--region"], "--store", Store);
        Assert.That(run.ExitCode, Is.EqualTo(exitCode));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo(message));
        Assert.That(await Access.ListKeysAsync(), Is.Empty);
    }

    [Test]
    public async Task Revoking_an_unknown_key_fails_saying_so()
    {
        var run = await CliRun.Of("keys", "revoke", "abcdefabcdef", "--store", Store);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: no key 'abcdefabcdef'"));
    }
}
