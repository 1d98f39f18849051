using System.Text;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Projects;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

public class ProjectFileTests
{
    const string Header = "project,firm,segment,region,owner,stage,date,agreed_investment,funds_in_place,note\n";

    static ChainGraph Graph() => ChainGraph.Build(SeedReader.Read(SeedFolder.Fixture("mini-seeds")));

    static IReadOnlyList<Project> Plan(string rows) => ProjectFile.Plan(Graph(), Encoding.UTF8.GetBytes(Header + rows), "test");

    static IReadOnlyList<string> Errors(string rows) =>
        Assert.Throws<ListImportException>(() => Plan(rows))!.Errors.Select(e => e.ToString()).ToList();

    [Test]
    public void RowsOfOneProjectBecomeItsHistoryAndFirmsAreFoundByName()
    {
        var project = Plan("""
            alumina-anning,安宁冶炼公司,alumina,530181,安宁市投资促进局,lead,2024-01-10,,,
            alumina-anning,安宁冶炼公司,alumina,530181,安宁市投资促进局,signed,2024-05-20,30,,
            """).Single();
        Assert.That((project.Firm.Value, project.Stage, project.AgreedInvestment), Is.EqualTo(("smelter-co", ProjectStage.Signed, (double?)30)));
    }

    [Test]
    public void AnExistingProjectGainsOnlyItsNewSteps()
    {
        var extended = Plan("""
            foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,lead,2023-03-01,,,
            foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,contacted,2023-04-10,,,first visit
            foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,negotiating,2023-09-01,,,
            foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,signed,2024-01-15,12.5,,signed at the expo
            foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,started,2024-07-01,,4,
            """).Single();
        Assert.That(extended.History, Has.Length.EqualTo(5));
    }

    [Test]
    public void EveryBadRowIsNamedAndNothingIsPlanned()
    {
        Assert.That(Errors("""
            p1,nobody,foil,530100,team,lead,2024-01-01,,,
            p2,cell-co,anode,530100,team,lead,2024-01-01,,,
            p3,cell-co,foil,530100,team,lead,2024/01/01,,,
            p4,cell-co,foil,530100,team,in-production,2024-01-01,,,
            p4,cell-co,foil,530100,team,lead,2024-02-01,,,
            p5,cell-co,foil,530100,team,lead,2024-01-01,-3,,
            """), Is.EqualTo(new[]
        {
            "line 2, column 'firm': no firm is called 'nobody': add it first (PUT /api/firms/{id} or chainmatch firm set)",
            "line 3, column 'segment': unknown segment 'anode'",
            "line 4, column 'date': '2024/01/01' is not a date: use YYYY-MM-DD",
            "line 5, column 'stage': project p4 cannot go from in-production to lead: next can be capital-added",
            "line 7, column 'agreed_investment': must be a non-negative amount in 亿元 up to 1e15, not '-3'",
        }));
    }

    [Test]
    public void AStepDatedBeforeThePreviousOneIsNamedInTheDateColumn() =>
        Assert.That(Errors("p1,cell-co,foil,530100,team,lead,2024-03-01,,,\np1,cell-co,foil,530100,team,contacted,2024-02-01,,,\n"),
            Is.EqualTo(new[] { "line 2, column 'date': project p1: contacted on 2024-02-01 is before its last step (lead on 2024-03-01)" }));

    [TestCase("1e309")]
    [TestCase("Infinity")]
    [TestCase("NaN")]
    [TestCase("1e16")]
    public void AnAmountThatIsNotAFiniteNumberInRangeIsNamed(string amount) =>
        Assert.That(Errors($"p1,cell-co,foil,530100,team,signed,2024-01-01,{amount},,\n"),
            Is.EqualTo(new[] { $"line 2, column 'agreed_investment': must be a non-negative amount in 亿元 up to 1e15, not '{amount}'" }));

    [Test]
    public void AControlCharacterInACellIsNamedByLineAndColumn() =>
        Assert.That(Errors("p1,cell-co,foil,530100,team,lead,2024-01-01,,,bad\u0001note\n"),
            Is.EqualTo(new[] { "line 2, column 'note': contains the control character U+0001 at character 4" }));

    [Test]
    public void RewritingARecordedHistoryIsRefused() =>
        Assert.That(Errors("foil-for-kunming,cell-co,foil,530100,昆明市投资促进局,signed,2024-01-15,,,\n"),
            Is.EqualTo(new[] { "line 2: project foil-for-kunming is already in the library with another history: a history is only extended, never rewritten" }));
}
