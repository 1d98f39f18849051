using System.Text.Json.Nodes;

namespace ChainMatch.Cli.Tests;

public class LeadsCommandTests
{
    static string ShippedModel => SeedFolder.ShippedModel();

    static Task<CliRun> Leads(params string[] more) =>
        CliRun.Of(["leads", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2022", .. more]);

    [Test]
    public async Task JsonHasSegmentRegionAndLeadsWithScoreRankAndReasons()
    {
        var run = await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        Assert.That(((string?)json["segment"], (string?)json["region"]), Is.EqualTo(("foil", "530100")));
        var first = json["leads"]![0]!;
        Assert.That(first.AsObject().Where(p => p.Value is not null).Select(p => p.Key), Is.SupersetOf(new[] { "firmId", "name", "score", "rank", "reasons" }));
        Assert.That((int?)first["rank"], Is.EqualTo(1));
    }

    [Test]
    public async Task CsvHasAHeaderAndOneLinePerLead()
    {
        var run = await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--format", "csv", "--top", "1");
        var lines = run.Output.TrimEnd().Split("\r\n");
        Assert.That(lines[0], Is.EqualTo("rank,firm_id,name,name_en,headquarters,score,reasons,reasons_en,excluded_by"));
        Assert.That(lines, Has.Length.EqualTo(2));
    }

    [Test]
    public async Task TheTableWritesTheReasonsInTheLanguageAskedFor()
    {
        var json = JsonNode.Parse((await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--format", "json", "--top", "1")).Output)!;
        var reason = json["leads"]![0]!["reasons"]![0]!["text"]!;
        Assert.That((await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--top", "1")).Output, Does.Contain((string?)reason["en"]));
        Assert.That((await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--top", "1", "--lang", "zh")).Output, Does.Contain((string?)reason["zh"]));
    }

    [Test]
    public async Task AnUnknownLanguageIsRefused()
    {
        var run = await Leads("--chain", "battery", "--segment", "foil", "--region", "530100", "--lang", "fr");
        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("--lang 'fr' is not en or zh"));
    }

    [Test]
    public async Task ASegmentOutsideTheChainIsRefused()
    {
        var run = await Leads("--chain", "battery", "--segment", "smelting", "--region", "530100");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: segment 'smelting' is not in chain 'battery'"));
    }

    [Test]
    public async Task AMissingModelFileIsNamed()
    {
        var run = await CliRun.Of("leads", "--data", SeedFolder.Fixture("mini-seeds"), "--model", "/nonexistent/model.zip",
            "--chain", "battery", "--segment", "foil", "--region", "530100");
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.TrimEnd(), Is.EqualTo("error: model /nonexistent/model.zip: file not found"));
    }
}

public class TargetsCommandTests
{
    static string ShippedModel => SeedFolder.ShippedModel();

    [Test]
    public async Task TargetsListTheRegionsBestLeadsAcrossItsGaps()
    {
        var run = await CliRun.Of("targets", "--data", SeedFolder.Fixture("mini-seeds"), "--model", ShippedModel, "--as-of", "2022",
            "--region", "530100", "--format", "json");
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        Assert.That((string?)json["region"], Is.EqualTo("530100"));
        Assert.That(json["targets"]!.AsArray().Select(t => (double)t!["score"]!), Is.Ordered.Descending);
    }

    [Test]
    public async Task AnUnknownListFamilyIsAUsageError()
    {
        var run = await CliRun.Of("targets", "--data", SeedFolder.Fixture("mini-seeds"), "--region", "530100", "--list", "forbes");
        Assert.That(run.ExitCode, Is.EqualTo(2));
    }

    [Test]
    public async Task AMinimumRevenueKeepsOnlyFirmsWhoseListRevenueReachesIt()
    {
        // 2,000,000 万元 = 200 亿元 for smelter-co; cell-co's only list gives no revenue, so a minimum leaves it out.
        using var seeds = SeedFolder.CopyOf("mini-seeds")
            .AppendLine("lists.csv", "china-top-500-2022,2022中国企业500强,China Top 500 (2022),中国企业联合会、中国企业家协会,2022")
            .Write("list-memberships/revenues.csv", "firm,list,rank,revenue,source_publisher,source_ref\nsmelter-co,china-top-500-2022,300,2000000,Test,made up\n");
        async Task<string[]> Firms(string min)
        {
            var run = await CliRun.Of("targets", "--data", seeds.Path, "--model", ShippedModel, "--as-of", "2022", "--region", "530100",
                "--include-excluded", "--min-revenue", min, "--format", "json");
            Assert.That(run.ExitCode, Is.Zero, run.Error);
            return [.. JsonNode.Parse(run.Output)!["targets"]!.AsArray().Select(t => (string)t!["firmId"]!).Distinct()];
        }
        Assert.That(await Firms("200"), Is.EqualTo(new[] { "smelter-co" }));
        Assert.That(await Firms("200.01"), Is.Empty);
    }

    [TestCase("-1")]
    [TestCase("lots")]
    public async Task AMinimumRevenueThatIsNotANumberOfAtLeastZeroIsAUsageError(string min)
    {
        var run = await CliRun.Of("targets", "--data", SeedFolder.Fixture("mini-seeds"), "--region", "530100", "--min-revenue", min);
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--min-revenue"));
    }
}
