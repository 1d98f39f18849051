using System.Text;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage.Tests;

/// <summary>The one reader of the importers' CSV files: header by name, cells by column, every error with its line and column.</summary>
public class CsvRowsTests
{
    static readonly string[] Required = ["id", "name"];
    static readonly string[] Optional = ["notes"];

    static CsvRows Read(string text, bool unquote = false) => CsvRows.Read(Encoding.UTF8.GetBytes(text), Required, Optional, unquote);

    static IReadOnlyList<string> HeaderErrors(string text) =>
        Assert.Throws<ListImportException>(() => Read(text))!.Errors.Select(e => e.ToString()).ToList();

    static IReadOnlyList<string> RowErrors(CsvRows file) =>
        Assert.Throws<ListImportException>(file.ThrowIfAny)!.Errors.Select(e => e.ToString()).ToList();

    [Test]
    public void CellsAreFoundByTheirColumnsNameInWhateverOrderTheHeaderGivesThem()
    {
        var row = Read("notes, name ,id\nfirst visit,李伟,li\n").Rows.Single();
        Assert.That((row.Line, row.Cell("id"), row.Cell("name"), row.Cell("notes")), Is.EqualTo((2, "li", "李伟", "first visit")));
    }

    [Test]
    public void AnOptionalColumnLeftOutAndABlankCellAreBothNull()
    {
        var rows = Read("id,name\nli,  \n").Rows;
        Assert.That((rows.Single().Cell("name"), rows.Single().Cell("notes")), Is.EqualTo(((string?)null, (string?)null)));
    }

    [Test]
    public void AMissingRequiredColumnIsNamedOnTheHeaderLine() =>
        Assert.That(HeaderErrors("id,notes\nli,x\n"), Is.EqualTo(new[] { "line 1, column 'name': missing column" }));

    [Test]
    public void AnUnknownColumnIsNamedWithTheColumnsTheFileMayHave() =>
        Assert.That(HeaderErrors("id,name,phone\nli,李伟,123\n"), Is.EqualTo(new[] { "line 1, column 'phone': unknown column (expected: id, name, notes)" }));

    [Test]
    public void AColumnGivenTwiceIsRefusedRatherThanOneOfItsCellsIgnored() =>
        Assert.That(HeaderErrors("id,name,name\nli,李伟,王芳\n"), Is.EqualTo(new[] { "line 1, column 'name': the column appears twice" }));

    [Test]
    public void AnEmptyFileNeedsAHeader() =>
        Assert.That(HeaderErrors(""), Is.EqualTo(new[] { "line 1: the file is empty: a header line is required" }));

    [Test]
    public void QuotedCellsKeepTheirCommasAndLineBreaksAndTheNextRowIsNamedByItsOwnLine()
    {
        var rows = Read("id,name,notes\nli,\"Li, Wei\",\"met at the expo,\nsecond line\"\nwang,王芳,\n").Rows;
        Assert.That(rows.Select(r => (r.Line, r.Cell("name"), r.Cell("notes"))), Is.EqualTo(new[]
        {
            (2, (string?)"Li, Wei", (string?)"met at the expo,\nsecond line"),
            (4, (string?)"王芳", (string?)null),
        }));
    }

    [Test]
    public void AByteOrderMarkIsNotPartOfTheFirstColumnsName()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,name\r\nli,李伟\r\n")).ToArray();
        Assert.That(CsvRows.Read(bytes, Required, Optional).Rows.Single().Cell("id"), Is.EqualTo("li"));
    }

    [Test]
    public void BlankLinesAndATrailingBlankLineAreNoRows() =>
        Assert.That(Read("id,name\nli,李伟\n\n,\nwang,王芳\n\n").Rows.Select(r => r.Line), Is.EqualTo(new[] { 2, 5 }));

    [Test]
    public void AControlCharacterIsNamedByTheRowsLineAndTheCellsColumn()
    {
        var file = Read("id,name\nli,李伟\nwang,王\u0007芳\n");
        Assert.That(file.Rows.Select(r => r.Failed), Is.EqualTo(new[] { false, true }));
        Assert.That(RowErrors(file), Is.EqualTo(new[] { "line 3, column 'name': contains the control character U+0007 at character 2" }));
    }

    [Test]
    public void ARowWithMoreCellsThanTheHeaderIsRefusedRatherThanCutShort() =>
        Assert.That(RowErrors(Read("id,name\nli,李伟,extra\n")), Is.EqualTo(new[] { "line 2: 3 cells where the header has 2 columns" }));

    [Test]
    public void AnImportersReasonIsKeptWithItsRowAndColumnAndAllAreThrownInLineOrder()
    {
        var file = Read("id,name\nli,李伟\nWANG,王芳\nzhang,张敏\n");
        file.Rows[2].Fail("name", "a second reason");
        file.Rows[1].Fail("id", "not lower-case");
        Assert.That((file.Rows[0].Failed, file.Rows[1].Failed), Is.EqualTo((false, true)));
        Assert.That(RowErrors(file), Is.EqualTo(new[] { "line 3, column 'id': not lower-case", "line 4, column 'name': a second reason" }));
    }

    [Test]
    public void AFileWithNoReasonAgainstItThrowsNothing() =>
        Assert.DoesNotThrow(Read("id,name\nli,李伟\n").ThrowIfAny);

    [TestCase(false, "'+86 871 6123 4567")]
    [TestCase(true, "+86 871 6123 4567")]
    public void ACellTheExportKeptFromRunningAsAFormulaIsReadBackWhenAsked(bool unquote, string expected) =>
        Assert.That(Read("id,name,notes\nli,李伟,'+86 871 6123 4567\n", unquote).Rows.Single().Cell("notes"), Is.EqualTo(expected));
}
