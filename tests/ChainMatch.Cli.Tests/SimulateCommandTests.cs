using System.Text.Json.Nodes;

namespace ChainMatch.Cli.Tests;

public class SimulateCommandTests
{
    static string ShippedModel => Path.Combine(Path.GetDirectoryName(SeedFolder.RepositorySeeds())!, "models", "lead-ranker.json");

    [Test]
    public async Task TheScenarioReportsCompletenessBeforeAndAfter()
    {
        var run = await CliRun.Of("simulate", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2024",
            "--firm", "smelter-co", "--region", "530300", "--chain", "aluminium", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var report = JsonNode.Parse(run.Output)!;
        Assert.That((double)report["completenessAfter"]!, Is.GreaterThan((double)report["completenessBefore"]!));
        Assert.That(report["sites"]!.AsArray().Select(s => (string?)s!["segment"]), Is.EqualTo(new[] { "smelting" }));
    }

    [Test]
    public async Task AFirmOutsideTheChainIsToldToNameItsSegments()
    {
        var run = await CliRun.Of("simulate", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel,
            "--firm", "cell-co", "--region", "530300", "--chain", "aluminium", "--as-of", "2015");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("name the segments it would bring"));
    }
}
