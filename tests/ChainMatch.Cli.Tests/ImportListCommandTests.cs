namespace ChainMatch.Cli.Tests;

public class ImportListCommandTests : SeededStoreTest
{
    string ListFile(string csv)
    {
        var path = Path.Combine(Dir.Path, "list.csv");
        File.WriteAllText(path, csv);
        return path;
    }

    [Test]
    public async Task AnEditionIsImportedOnceAndReportsWhatItCouldNotMatch()
    {
        var file = ListFile("rank,name\n1,宁德电芯公司\n2,谁也不是公司\n");
        var first = await CliRun.Of("import-list", file, "--list", "china-top-500", "--year", "2024", "--store", Store);
        var second = await CliRun.Of("import-list", file, "--list", "china-top-500", "--year", "2024", "--store", Store);
        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.StartWith("china-top-500-2024: 2 rows, 1 matched, 0 created, 0 ambiguous, 1 unmatched; 2 rows written"));
        Assert.That(first.Output, Does.Contain("line 3 rank 2 谁也不是公司: unmatched"));
        Assert.That(second.Output, Does.Contain("; 0 rows written"));
    }

    [Test]
    public async Task ABadFileExitsWithEveryBadRowAndWritesNothing()
    {
        var run = await CliRun.Of("import-list", ListFile("rank,name\nx,甲\n2,\n"), "--list", "china-top-500", "--year", "2024", "--store", Store);
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain("line 2, column 'rank'").And.Contain("line 3, column 'name': required"));
    }
}
