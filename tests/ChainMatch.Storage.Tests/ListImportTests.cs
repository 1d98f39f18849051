using System.Text;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;

namespace ChainMatch.Storage.Tests;

public class ListImportTests
{
    static ListImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    const string Fortune = """
        rank,name,name_en,headquarters,revenue
        312,宁德电芯公司,Cell Co,350900,"56,000.5"
        401,安宁冶炼公司,,,
        450,新来的公司,Newcomer Metals,宁德市,12000
        """;

    static ChainGraph Graph() => ChainGraph.Build(SeedReader.Read(SeedFolder.Fixture("mini-seeds")));

    static IReadOnlyList<ListRow> Rows(string csv)
    {
        var (rows, errors) = ListFile.Read(Encoding.UTF8.GetBytes(csv));
        Assert.That(errors, Is.Empty);
        return rows;
    }

    [TestCase("1e309")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    [TestCase("NaN")]
    public void ARevenueThatIsNotAFiniteNumberInRangeIsNamed(string revenue)
    {
        var (rows, errors) = ListFile.Read(Encoding.UTF8.GetBytes($"rank,name,revenue\n1,宁德电芯公司,{revenue}\n"));
        Assert.That(rows, Is.Empty);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { $"line 2, column 'revenue': must be a non-negative number up to 1e15, not '{revenue}'" }));
    }

    [Test]
    public void AControlCharacterInANameIsNamedByLineAndColumn()
    {
        var (rows, errors) = ListFile.Read(Encoding.UTF8.GetBytes("rank,name\n1,宁德\u0007电芯公司\n"));
        Assert.That(rows, Is.Empty);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "line 2, column 'name': contains the control character U+0007 at character 3" }));
    }

    [Test]
    public void AFileThatIsNeitherUtf8NorGb18030IsRefusedNamingTheFirstBadLine()
    {
        var bytes = Encoding.UTF8.GetBytes("rank,name\n1,宁德电芯公司\n2,").Concat(new byte[] { 0xFF, 0x41, 0x0A }).ToArray();
        var (rows, errors) = ListFile.Read(bytes);
        Assert.That(rows, Is.Empty);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "line 3: neither UTF-8 nor GB18030: save the file as UTF-8 (CSV UTF-8 in Excel)" }));
    }

    [Test]
    public void AFileWithAUtf8MarkThatIsNotUtf8IsRefused()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.GetEncoding("GB18030").GetBytes("rank,name\n1,宁德电芯公司\n")).ToArray();
        var (_, errors) = ListFile.Read(bytes);
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[] { "line 2: not UTF-8 although the file starts with a UTF-8 byte-order mark" }));
    }

    [Test]
    public void AGb18030FileFromExcelStillReads()
    {
        var (rows, errors) = ListFile.Read(Encoding.GetEncoding("GB18030").GetBytes("排名,企业名称\n1,宁德电芯公司\n"));
        Assert.That(errors, Is.Empty);
        Assert.That(rows.Single().Name, Is.EqualTo("宁德电芯公司"));
    }

    [Test]
    public void MatchedRowsBecomeMembershipsWithRankAndRevenueAndTheRestIsReported()
    {
        var plan = ListImport.Plan(Graph(), Rows(Fortune), ListFamily.FortuneGlobal500, 2024, createMissing: false, "test file");
        Assert.That(plan.Rows.Select(r => (r.Rank, r.Outcome, r.Firm)), Is.EqualTo(new[]
        {
            (312, "matched", (string?)"cell-co"), (401, "matched", "smelter-co"), (450, "unmatched", null),
        }));
        var cell = plan.Changes.Memberships.Single(m => m.Firm.Value == "cell-co");
        Assert.That((cell.List.Value, cell.Rank, cell.Revenue), Is.EqualTo(("fortune-global-500-2024", (int?)312, (double?)56000.5)));
        Assert.That(plan.Changes.Firms, Is.Empty);
    }

    [Test]
    public void AnUnmatchedRowBecomesANewFirmOnlyWhenAsked()
    {
        var plan = ListImport.Plan(Graph(), Rows(Fortune), ListFamily.FortuneGlobal500, 2024, createMissing: true, "test file");
        var created = plan.Changes.Firms.Single();
        Assert.That((created.Id.Value, created.Name, created.Headquarters?.Value), Is.EqualTo(("newcomer-metals", "新来的公司", "350900")));
        Assert.That(plan.Count(ListImport.Created), Is.EqualTo(1));
    }

    [Test]
    public async Task ImportingAnEditionTwiceChangesNothingTheSecondTime()
    {
        using var store = SqliteGraphStore.InMemory();
        await store.InitialiseAsync();
        await store.ImportAsync(SeedReader.Read(SeedFolder.Fixture("mini-seeds")));
        var plan = ListImport.Plan(ChainGraph.Build(await store.LoadAsync()), Rows(Fortune), ListFamily.FortuneGlobal500, 2024, createMissing: true, "test file");
        var first = await store.ImportAsync(plan.Changes);
        var again = ListImport.Plan(ChainGraph.Build(await store.LoadAsync()), Rows(Fortune), ListFamily.FortuneGlobal500, 2024, createMissing: true, "test file");
        var second = await store.ImportAsync(again.Changes);
        Assert.That((first.Total, second.Total), Is.EqualTo((5, 0)), "1 edition, 1 new firm, 3 memberships; then nothing");
        Assert.That(again.Count(ListImport.Matched), Is.EqualTo(3), "the firm created the first time is matched the second");
    }

    [Test]
    public void AGb18030ExportWithChineseHeadersIsRead()
    {
        var csv = "排名,企业名称,营业收入\r\n1,宁德电芯公司,100\r\n";
        var (rows, errors) = ListFile.Read(Encoding.GetEncoding("GB18030").GetBytes(csv));
        Assert.That(errors, Is.Empty);
        Assert.That((rows[0].Rank, rows[0].Name, rows[0].Revenue), Is.EqualTo((1, "宁德电芯公司", (double?)100)));
    }

    [Test]
    public void AUtf8ByteOrderMarkIsDropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("rank,name\n1,宁德电芯公司\n")).ToArray();
        Assert.That(ListFile.Read(bytes).Rows.Single().Name, Is.EqualTo("宁德电芯公司"));
    }

    [Test]
    public void EveryBadRowIsReportedInOnePass()
    {
        var (rows, errors) = ListFile.Read(Encoding.UTF8.GetBytes("rank,name,revenue,uscc\nfirst,甲公司,,\n2,,,\n3,丙公司,lots,\n3,丁公司,,BAD\n5,戊公司,,\n"));
        Assert.That(errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            "line 2, column 'rank': must be a whole number from 1, not 'first'",
            "line 3, column 'name': required",
            "line 4, column 'revenue': must be a non-negative number up to 1e15, not 'lots'",
            "line 5, column 'rank': rank 3 is already given on line 4",
            "line 5, column 'uscc': 'BAD' is not an 18-character unified social credit code",
        }));
        Assert.That(rows.Single().Name, Is.EqualTo("戊公司"));
    }

    [Test]
    public void AnUnknownColumnIsNamed() =>
        Assert.That(ListFile.Read(Encoding.UTF8.GetBytes("rank,name,ceo\n1,甲,乙\n")).Errors.Single().ToString(), Does.StartWith("line 1, column 'ceo': unknown column"));

    [Test]
    public void TwoRowsMatchingOneFirmStopTheImport()
    {
        var rows = Rows("rank,name\n1,宁德电芯公司\n2,Cell Co\n");
        var e = Assert.Throws<ListImportException>(() => ListImport.Plan(Graph(), rows, ListFamily.ChinaTop500, 2024, false, "test"));
        Assert.That(e!.Errors.Single().ToString(), Is.EqualTo("line 3, column 'name': matches firm 'cell-co' like line 2 does: one firm cannot hold two ranks in an edition"));
    }

    [Test]
    public void ARevenueUnitOtherThanTheListsOwnStopsTheImport()
    {
        var rows = Rows("rank,name,revenue,revenue_unit\n1,宁德电芯公司,100,万元\n");
        var e = Assert.Throws<ListImportException>(() => ListImport.Plan(Graph(), rows, ListFamily.FortuneGlobal500, 2024, false, "test"));
        Assert.That(e!.Errors.Single().ToString(), Does.StartWith("line 2, column 'revenue_unit': Fortune Global 500 gives revenue in USD million, not 万元"));
    }

    [Test]
    public void AnUnknownRevenueUnitIsNamedWithItsRow() =>
        Assert.That(ListFile.Read(Encoding.UTF8.GetBytes("rank,name,revenue,revenue_unit\n1,甲,5,furlongs\n")).Errors.Single().ToString(),
            Does.StartWith("line 2, column 'revenue_unit': 'furlongs' is not a revenue unit"));
}
