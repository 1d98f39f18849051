using System.Text.Json.Nodes;

namespace ChainMatch.Cli.Tests;

public class SimulateCommandTests
{
    static string ShippedModel => SeedFolder.ShippedModel();

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
    public async Task TheTableSaysWhichConstraintBreaksAndByHowMuch()
    {
        var run = await CliRun.Of("simulate", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2024",
            "--firm", "smelter-co", "--region", "530300", "--chain", "aluminium");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain(
            "constraint green-power-quota on 水电 (hydropower) declared by 曲靖市 (530300) for 2020, estimate: available 4 TWh/yr, used before 0, " +
            "anchor needs 4.725, headroom after -0.725 BROKEN: over by 0.725 TWh/yr (18.1%)"));
        Assert.That(run.Output, Does.Contain("constraint land on 工业用地 (land) declared by 曲靖市 (530300) for 2020: available 500 ha, used before 0, anchor needs 100, headroom after 400\n"));
    }

    [Test]
    public async Task TheJsonListsEveryConstraintChecked()
    {
        var run = await CliRun.Of("simulate", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2024",
            "--firm", "smelter-co", "--region", "530300", "--chain", "aluminium", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var broken = JsonNode.Parse(run.Output)!["constraints"]!.AsArray().Where(c => (bool)c!["broken"]!).Select(c => ((string?)c!["region"], (double?)c["excess"]));
        Assert.That(broken, Is.EqualTo(new[] { ("530300", (double?)0.725) }));
    }

    [Test]
    public async Task RepeatingFirmComparesTheAnchorsTogetherWithEachAlone()
    {
        var run = await CliRun.Of("simulate", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2022",
            "--firm", "smelter-co", "--firm", "cell-co", "--region", "530300", "--chain", "aluminium");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.Contain("安宁冶炼公司 (smelter-co) alone:").And.Contain("(reinforce)"));
        Assert.That(run.Output, Does.Contain("together constraint green-power-quota on 水电 (hydropower) declared by 曲靖市 (530300)").And.Contain("BROKEN: over by 0.725 TWh/yr"));
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

public class ConflictsCommandTests : SeededStoreTest
{
    [Test]
    public async Task TwoPrefecturesCourtingOneFirmForOneSegmentShowAsAConflict()
    {
        var csv = Path.Combine(Dir.Path, "projects.csv");
        File.WriteAllText(csv, "project,firm,segment,region,owner,stage,date,agreed_investment,funds_in_place,note\nfoil-for-qujing,cell-co,foil,530300,曲靖市投资促进局,lead,2024-06-01,,,\n");
        var imported = await CliRun.Of("import-projects", csv, "--store", Store);
        Assert.That(imported.ExitCode, Is.Zero, imported.Error);
        var model = SeedFolder.ShippedModel();
        var run = await CliRun.Of("conflicts", "--store", Store, "--model", model, "--as-of", "2024-12-31");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output, Does.StartWith("云南省 (530000): 1 firm(s) pursued by more than one prefecture"));
        Assert.That(run.Output, Does.Contain("foil-for-kunming").And.Contain("foil-for-qujing"));
    }
}
