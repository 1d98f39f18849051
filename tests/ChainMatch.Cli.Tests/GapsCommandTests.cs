using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChainMatch.Cli.Tests;

public class GapsCommandTests
{
    static Task<CliRun> Gaps(params string[] more) =>
        CliRun.Of(["gaps", "--data", SeedFolder.Fixture("mini-seeds"), .. more]);

    [Test]
    public async Task JsonHasChainRegionAndSegmentsWithTheirStatusAndReasons()
    {
        var run = await Gaps("--chain", "aluminium", "--region", "530100", "--as-of", "2024", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        Assert.That(((string?)json["chain"], (string?)json["region"]), Is.EqualTo(("aluminium", "530100")));
        var smelting = json["segments"]!.AsArray().Single(s => (string?)s!["id"] == "smelting")!;
        Assert.That((string?)smelting["stage"], Is.EqualTo("midstream"));
        Assert.That((string?)smelting["status"], Is.EqualTo("weak"));
        Assert.That((string?)smelting["gapKind"], Is.EqualTo("weak"));
        Assert.That((int?)smelting["priority"], Is.GreaterThan(0));
        Assert.That((string?)smelting["localFirms"]![0]!["name"], Is.EqualTo("安宁冶炼公司"));
        Assert.That(smelting["reasons"]!.AsArray().Select(r => (string?)r!["text"]!["en"]), Has.Some.Contains("minimum economic scale"));
    }

    [Test]
    public async Task TheTableShowsOneLinePerSegment()
    {
        var run = await Gaps("--chain", "aluminium", "--region", "530100", "--as-of", "2024");
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.That(lines[0], Does.Contain("0 present, 1 weak, 2 missing, 1 unverified of 4"));
        Assert.That(lines, Has.Length.EqualTo(2 + 4));
        Assert.That(lines.Single(l => l.Contains(" smelting ")), Does.Contain("weak"));
    }

    [Test]
    public async Task WithoutAChainItListsTheRegionsGapsAcrossChains()
    {
        var run = await Gaps("--region", "530100", "--as-of", "2024", "--format", "json");
        var gaps = JsonNode.Parse(run.Output)!["gaps"]!.AsArray();
        Assert.That(gaps.Select(g => (string?)g!["segment"]), Is.EquivalentTo(new[] { "bauxite", "alumina", "smelting", "cell" }));
    }

    [Test]
    public async Task AnUnknownRegionExitsWithOneLine()
    {
        var run = await Gaps("--chain", "aluminium", "--region", "999999");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: region '999999' not found"));
    }

    [TestCase("--as-of", "yesterday")]
    [TestCase("--format", "xml")]
    public async Task AMalformedOptionIsAUsageError(string option, string value)
    {
        var run = await Gaps("--region", "530100", option, value);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("error:"));
    }

    [Test]
    public async Task AMissingRegionIsAUsageError() => Assert.That((await Gaps("--chain", "aluminium")).ExitCode, Is.EqualTo(2));

    [Test]
    public async Task ChangesListHealedPersistentAndNewGaps()
    {
        var run = await CliRun.Of("changes", "--data", SeedFolder.Fixture("mini-seeds"), "--region", "350900", "--from", "2015", "--as-of", "2024", "--format", "json");
        var changes = JsonNode.Parse(run.Output)!["changes"]!.AsArray().ToDictionary(c => (string)c!["segment"]!, c => (string?)c!["change"]);
        Assert.That(changes["cell"], Is.EqualTo("healed"));
        Assert.That(changes["smelting"], Is.EqualTo("persistent"));
    }

    [Test]
    public void TheBuiltExecutableReturnsItsExitCode()
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "chainmatch.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "gaps", "--data", SeedFolder.Fixture("mini-seeds"), "--region", "999999"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(1));
        Assert.That(error.TrimEnd(), Is.EqualTo("error: region '999999' not found"));
    }
}
