using System.Text.RegularExpressions;

namespace ChainMatch.Cli.Tests;

/// <summary>
/// Rules of the code kept by reading the source (src/**/*.cs and the web UI's scripts), each failure named by file and
/// line: no error text taken apart at " (Parameter" (InvalidValueException carries field and reason); no clock read but
/// through TimeProvider; role names and list family ids written only in <c>Role</c> and <c>ListFamily</c>, and no prefix
/// matching of roles or list editions.
/// </summary>
public sealed partial class CodeRulesTests
{
    static readonly string Root = Path.GetDirectoryName(SeedFolder.RepositorySeeds())!;

    sealed record Rule(string Name, Regex Pattern, string[] Extensions, string[] AllowedIn);

    static readonly Rule[] Rules =
    [
        new("error text split at \" (Parameter\": throw InvalidValueException(field, reason) instead", ParameterSplit(), [".cs"], []),
        new("clock read directly: take a TimeProvider", ClockRead(), [".cs"], []),
        new("role name or list family id outside Role and ListFamily: use Role.X / ListFamily.X, or the labels from the API",
            RoleOrListLiteral(), [".cs", ".js"], ["src/ChainMatch.Domain/Access/Role.cs", "src/ChainMatch.Domain/Graph/ListFamily.cs"]),
        new("role or list edition matched by prefix: use Role.Parse / ListFamily.Of", PrefixMatch(), [".cs", ".js"], ["src/ChainMatch.Domain/Graph/ListFamily.cs"]),
    ];

    static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/wwwroot/vendor/", StringComparison.Ordinal));

    /// <summary>"file:line: rule: text" for each line of <paramref name="text"/> that breaks a rule.</summary>
    static IEnumerable<string> Violations(string file, string text) =>
        from rule in Rules
        where rule.Extensions.Contains(Path.GetExtension(file)) && !rule.AllowedIn.Contains(file)
        from line in text.Split('\n').Select((content, i) => (content, number: i + 1))
        where rule.Pattern.IsMatch(line.content)
        select $"{file}:{line.number}: {rule.Name}: {line.content.Trim()}";

    [Test]
    public void The_source_keeps_the_rules_on_errors_time_roles_and_lists()
    {
        var files = SourceFiles().ToList();
        Assert.That(files, Does.Contain("src/ChainMatch.Api/Program.cs").And.Contain("src/ChainMatch.Api/wwwroot/js/app.js"), "the scan found the sources");
        Assert.That(files.SelectMany(f => Violations(f, File.ReadAllText(Path.Combine(Root, f)))), Is.Empty);
    }

    [TestCase("src/X.cs", """var reason = e.Message.Split(" (Parameter", 2)[0];""")]
    [TestCase("src/X.cs", "var now = DateTime.UtcNow;")]
    [TestCase("src/X.cs", "var today = DateOnly.FromDateTime(DateTime.Today);")]
    [TestCase("src/X.cs", "var at = DateTimeOffset.Now;")]
    [TestCase("src/X.cs", """if (role == "chain-chief") return;""")]
    [TestCase("src/X.cs", """Has("china-private-top-500")""")]
    [TestCase("src/a.js", "const LISTS = ['fortune-global-500', 'china-top-500'];")]
    [TestCase("src/a.js", "if (me.role === 'admin') show();")]
    [TestCase("src/X.cs", """edition.Id.Value.StartsWith(family + "-", StringComparison.Ordinal)""")]
    [TestCase("src/a.js", "if (list.startsWith('china')) x();")]
    public void Each_rule_catches_the_code_it_forbids(string file, string line) =>
        Assert.That(Violations(file, line), Has.Exactly(1).StartsWith($"{file}:1: "));

    [TestCase("src/ChainMatch.Domain/Access/Role.cs", """public static readonly Role Admin = new("admin", new("系统管理员", "Administrator"), all);""")]
    [TestCase("src/X.cs", "var now = time.GetUtcNow();")]
    [TestCase("src/X.cs", """var key = await access.CreateKeyAsync("local-admin", Role.Admin.Name, "*", [], now);""")]
    [TestCase("src/a.js", "if (key.startsWith('on')) el.addEventListener(key.slice(2), value);")]
    public void Code_that_keeps_the_rules_passes(string file, string line) =>
        Assert.That(Violations(file, line), Is.Empty);

    [GeneratedRegex(@"""\s*\(Parameter")]
    private static partial Regex ParameterSplit();

    [GeneratedRegex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b")]
    private static partial Regex ClockRead();

    [GeneratedRegex("""["'](chain-chief|investment|planner|admin|fortune-global-500|china-top-500|china-private-top-500)["']""")]
    private static partial Regex RoleOrListLiteral();

    [GeneratedRegex(@"\b(List|ListId|Edition|Role|list|lists|edition|role)\b.*\.(StartsWith|EndsWith|startsWith|endsWith)\(|\.(StartsWith|EndsWith|startsWith|endsWith)\(.*\b(List|Edition|Role|list|edition|role|family)\b")]
    private static partial Regex PrefixMatch();
}
