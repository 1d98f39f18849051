using System.Text;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Contacts;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Seeds;

namespace ChainMatch.Storage.Tests;

/// <summary>Promotion events (推介会) read from CSV: the firms met by id or name, every bad row named, ids as contacts get theirs.</summary>
public class EventFileTests
{
    const string Header = "id,name,date,place,region,firms,owner,notes\n";

    static ChainGraph Graph() => ChainGraph.Build(SeedReader.Read(SeedFolder.Fixture("mini-seeds")));

    static IReadOnlyList<string> Errors(string rows) =>
        Assert.Throws<ListImportException>(() => EventFile.Plan(Graph(), Encoding.UTF8.GetBytes(Header + rows)))!.Errors.Select(e => e.ToString()).ToList();

    [Test]
    public void TheFirmsMetAreNamedByIdOrNameSeparatedBySemicolonsAndARowWithoutAnIdGetsTheNextFreeOne()
    {
        var planned = EventFile.Plan(Graph(), Encoding.UTF8.GetBytes(Header + ",新能源电池产业推介会,2025-04-10,昆明滇池会议中心,530100,cell-co; 铝箔公司；cell-co,昆明市投资促进局,\n")).Single();
        Assert.That((planned.Id, planned.Firms.Select(f => f.Value)), Is.EqualTo(("event-1", new[] { "cell-co", "foil-co" })));
    }

    [Test]
    public void EveryBadRowIsNamedByLineAndColumn() =>
        Assert.That(Errors("""
            fair-1,推介会,2025-04-10,昆明,530100,cell-co,昆明,
            fair-1,推介会,2025-04-11,昆明,530100,cell-co,昆明,
            Fair-2,推介会,2025/04/10,昆明,539999,nobody,昆明,
            fair-3,推介会,2025-04-10,昆明,530100,,,
            """), Is.EqualTo(new[]
        {
            "line 3, column 'id': event fair-1 is already on line 2",
            "line 4, column 'id': 'Fair-2' is not an event id (lower-case words joined by '-')",
            "line 4, column 'date': '2025/04/10' is not a date: use YYYY-MM-DD",
            "line 4, column 'region': unknown region '539999'",
            "line 4, column 'firms': no firm is called 'nobody': add it first (PUT /api/firms/{id} or chainmatch firm set)",
            "line 5, column 'owner': an event needs the team that held it",
        }));
}
