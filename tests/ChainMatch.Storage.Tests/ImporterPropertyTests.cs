using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage.Lists;
using ChainMatch.Storage.Projects;
using ChainMatch.Storage.Seeds;
using ChainMatch.Storage.Sqlite;
using FsCheck;
using FsCheck.Fluent;

namespace ChainMatch.Storage.Tests;

/// <summary>
/// Random and hostile files at every importer: each either imports or names every bad row (line, column, reason),
/// never fails any other way, and a refused or failed write leaves the store exactly as it was.
/// </summary>
public class ImporterPropertyTests
{
    const int Cases = 300;
    SeedFolder _dir = null!;
    SqliteGraphStore _store = null!;
    ChainGraph _graph = null!;

    string StorePath => Path.Combine(_dir.Path, "chainmatch.db");

    [SetUp]
    public async Task SeedStore()
    {
        _dir = SeedFolder.Empty();
        _store = SqliteGraphStore.OpenFile(StorePath);
        await _store.InitialiseAsync();
        await _store.ImportAsync(SeedReader.Read(SeedFolder.Fixture("mini-seeds")));
        _graph = await GraphLoader.ProjectAsync(_store);
    }

    [TearDown]
    public void DeleteStore()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    static readonly string[] OutOfRange = ["1e309", "Infinity", "-Infinity", "NaN", "1e16"];

    [Test]
    public void AListFileImportsWholeOrNamesEveryBadRowAndWritesNothing()
    {
        var names = _graph.Firms.SelectMany(f => new[] { f.Name, f.NameEn ?? f.Name }).ToArray();
        var columns = new[] { "rank", "name", "name_en", "headquarters", "revenue", "industry", "uscc", "排名", "企业名称" };
        IReadOnlyCollection<string> Values(string column) => column switch
        {
            "rank" or "排名" => ["1", "2", "3", "17", "500"],
            "name" or "企业名称" or "name_en" => names,
            // Numbers out of range among the good ones, so that files good in every other way carry them too.
            "revenue" => ["1234.5", "1,234", "0", .. OutOfRange],
            "uscc" => ["91350900MA2XN4PB0A"],
            "headquarters" => ["530100", "福建省宁德市"],
            _ => [],
        };
        var files = Arb.From(HostileInput.Csv(columns, Values));

        Check.One(HostileInput.Cases(Cases), Prop.ForAll(files, Gen.Elements(true, false).ToArbitrary(), (bytes, createMissing) =>
        {
            var before = StoreDigest.Of(StorePath);
            var (rows, errors) = ListFile.Read(bytes);
            NamesEveryProblem(errors);
            if (errors.Count > 0) return;
            try
            {
                var plan = ListImport.Plan(_graph, rows, ListFamily.ChinaTop500, 2024, createMissing, "property test");
                WholeOrNothing(plan.Changes, before);
            }
            catch (ListImportException e)
            {
                Assert.That(e.Errors, Is.Not.Empty);
                NamesEveryProblem(e.Errors);
            }
        }));
    }

    [Test]
    public void AProjectFileImportsWholeOrNamesEveryBadRowAndWritesNothing()
    {
        var columns = new[] { "project", "firm", "segment", "region", "owner", "stage", "date", "agreed_investment", "funds_in_place", "note" };
        IReadOnlyCollection<string> Values(string column) => column switch
        {
            "project" => ["p-one", "p-two", "foil-for-kunming"],
            "firm" => [.. _graph.Firms.Select(f => f.Id.Value), .. _graph.Firms.Select(f => f.Name)],
            "segment" => [.. _graph.Segments.Select(s => s.Id.Value)],
            "region" => [.. _graph.Regions.Select(r => r.Code.Value)],
            "owner" => ["昆明市投资促进局"],
            "stage" => [.. Enum.GetNames<ProjectStage>().Select(s => s.ToLowerInvariant()), "signed", "in-production"],
            "date" => ["2023-01-05", "2024-06-30", "2025-02-28"],
            "agreed_investment" or "funds_in_place" => ["1.5", "10", "0", .. OutOfRange],
            _ => [],
        };
        var files = Arb.From(HostileInput.Csv(columns, Values));

        Check.One(HostileInput.Cases(Cases), Prop.ForAll(files, bytes =>
        {
            var before = StoreDigest.Of(StorePath);
            try
            {
                var projects = ProjectFile.Plan(_graph, bytes, "property test");
                WholeOrNothing(GraphData.Empty with { Projects = [.. projects] }, before);
            }
            catch (ListImportException e)
            {
                Assert.That(e.Errors, Is.Not.Empty);
                NamesEveryProblem(e.Errors);
            }
        }));
    }

    static readonly string[] SeedFiles =
        ["regions.csv", "resources.csv", "region-resources.csv", "firms/test.csv", "presences.csv", "lists.csv", "list-memberships.csv",
         "negative-list.csv", "projects.csv", "project-stages.csv", "chains/battery.yaml"];

    [Test]
    public void ASeedFolderWithAHostileFileIsReadWholeOrRefusedNamingTheFile()
    {
        using var seeds = SeedFolder.CopyOf("mini-seeds");
        var files = Gen.Elements(SeedFiles).SelectMany(file => SeedFile(seeds.Path, file).Select(bytes => (file, bytes)));

        Check.One(HostileInput.Cases(Cases), Prop.ForAll(Arb.From(files), change =>
        {
            var path = Path.Combine(seeds.Path, change.file);
            var original = File.ReadAllBytes(path);
            File.WriteAllBytes(path, change.bytes);
            try
            {
                var data = SeedReader.Read(seeds.Path);
                var before = StoreDigest.Of(StorePath);
                WholeOrNothing(data, before);
            }
            catch (SeedFormatException e)
            {
                // The cause may sit in another file (a row naming a firm the broken file no longer defines): any seed file, named.
                Assert.That(e.File, Is.Not.Empty, e.Message);
                Assert.That(File.Exists(Path.Combine(seeds.Path, e.File)) || e.File.EndsWith('/'), Is.True, e.Message);
                Assert.That(e.Message, Does.StartWith(e.File));
                Assert.That(e.Reason, Is.Not.Empty, e.Message);
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        }));
    }

    /// <summary>A seed file rewritten: its own header and cells mixed with hostile ones (YAML gets hostile scalars in place of its own).</summary>
    static Gen<byte[]> SeedFile(string folder, string file)
    {
        var text = File.ReadAllText(Path.Combine(folder, file));
        if (file.EndsWith(".yaml", StringComparison.Ordinal))
        {
            var tokens = text.Split([' ', '\n', ':', ','], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
            return from victim in Gen.Elements(tokens)
                   from replacement in HostileInput.Text(tokens)
                   select System.Text.Encoding.UTF8.GetBytes(text.Replace(victim, replacement, StringComparison.Ordinal));
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        IReadOnlyCollection<string> Values(string column) =>
            Array.IndexOf(header, column) is var i and >= 0 ? cells.Where(c => i < c.Length).Select(c => c[i]).ToArray() : [];
        return HostileInput.Csv(header, Values);
    }

    /// <summary>What an importer accepts obeys the input rules: every number finite and in range, no control characters.</summary>
    static void OnlyAcceptableValues(GraphData changes)
    {
        // Default options, without the service's converters: a non-finite number fails to serialise here, as it failed the audit log.
        var json = System.Text.Json.JsonSerializer.Serialize(changes);
        var nodes = new Stack<System.Text.Json.Nodes.JsonNode?>([System.Text.Json.Nodes.JsonNode.Parse(json)]);
        while (nodes.TryPop(out var node))
        {
            switch (node)
            {
                case System.Text.Json.Nodes.JsonObject o: foreach (var (_, v) in o) nodes.Push(v); break;
                case System.Text.Json.Nodes.JsonArray a: foreach (var v in a) nodes.Push(v); break;
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<double>(out var d):
                    Assert.That(Domain.Numbers.IsAcceptable(d), Is.True, $"accepted the number {d}");
                    break;
                case System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text):
                    Assert.That(Domain.TextRules.Problem(text), Is.Null, $"accepted the text '{text}'");
                    break;
            }
        }
    }

    /// <summary>The import lands whole, or fails and leaves every table as it was; what it accepts obeys the input rules.</summary>
    void WholeOrNothing(GraphData changes, string before)
    {
        OnlyAcceptableValues(changes);
        try
        {
            _store.ImportAsync(changes).GetAwaiter().GetResult();
            _graph = GraphLoader.ProjectAsync(_store).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is GraphIntegrityException or Microsoft.Data.Sqlite.SqliteException)
        {
            Assert.That(StoreDigest.Of(StorePath), Is.EqualTo(before), e.Message);
        }
    }

    static void NamesEveryProblem(IEnumerable<RowError> errors)
    {
        foreach (var e in errors)
        {
            Assert.That(e.Line, Is.GreaterThanOrEqualTo(1), e.ToString());
            Assert.That(e.Reason, Is.Not.Empty, e.ToString());
        }
    }
}
