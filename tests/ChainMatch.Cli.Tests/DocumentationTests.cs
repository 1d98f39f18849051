using System.Text.RegularExpressions;

namespace ChainMatch.Cli.Tests;

/// <summary>
/// The README stays a short front page and the documentation stays navigable: every relative link in README.md,
/// docs/*.md and graph-seeds/README.md names a file that exists and, with a #fragment, a heading in it.
/// </summary>
public sealed partial class DocumentationTests
{
    const int ReadmeLineLimit = 200;

    static readonly string Root = Path.GetDirectoryName(SeedFolder.RepositorySeeds())!;

    static IEnumerable<string> Pages() =>
        new[] { Path.Combine(Root, "README.md"), Path.Combine(Root, "graph-seeds", "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md"));

    [Test]
    public void TheReadmeIsAtMostTwoHundredLines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md")).Length;
        Assert.That(lines, Is.LessThanOrEqualTo(ReadmeLineLimit), "README.md: put detail in docs/");
    }

    [Test]
    public void EveryRelativeLinkPointsToAFileThatExists()
    {
        var links = Pages().SelectMany(RelativeLinks).ToList();
        Assert.That(links.Select(l => l.Target), Does.Contain("docs/api.md"), "the link reader found README's links");

        var broken = links
            .Where(l => l.Path.Length > 0 && !File.Exists(l.Resolved) && !Directory.Exists(l.Resolved))
            .Select(l => $"{l.Page}: {l.Target}");
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void EveryLinkToAHeadingNamesAHeadingOfItsPage()
    {
        var withFragment = Pages().SelectMany(RelativeLinks)
            .Where(l => l.Fragment.Length > 0 && l.Resolved.EndsWith(".md", StringComparison.Ordinal) && File.Exists(l.Resolved))
            .ToList();
        Assert.That(withFragment, Is.Not.Empty, "README's #access link at least");

        var broken = withFragment
            .Where(l => !HeadingAnchors(l.Resolved).Contains(l.Fragment))
            .Select(l => $"{l.Page}: {l.Target}");
        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void NoPageTellsTheDevelopmentHistory()
    {
        string[] phrases = ["this session", "earlier session", "an earlier run", "as the ranking lands", "before issue"];
        var found = Pages()
            .SelectMany(page => phrases
                .Where(phrase => File.ReadAllText(page).Contains(phrase, StringComparison.OrdinalIgnoreCase))
                .Select(phrase => $"{Path.GetRelativePath(Root, page)}: \"{phrase}\""));
        Assert.That(found, Is.Empty);
    }

    sealed record Link(string Page, string Target, string Path, string Fragment, string Resolved);

    static IEnumerable<Link> RelativeLinks(string page)
    {
        var text = InlineCode().Replace(FencedCode().Replace(File.ReadAllText(page), ""), "");
        var name = System.IO.Path.GetRelativePath(Root, page);
        foreach (Match match in MarkdownLink().Matches(text))
        {
            var target = match.Groups["target"].Value;
            if (Uri.TryCreate(target, UriKind.Absolute, out _))
                continue; // http(s), mailto: not this test's business
            var hash = target.IndexOf('#');
            var path = hash < 0 ? target : target[..hash];
            var fragment = hash < 0 ? "" : target[(hash + 1)..];
            var resolved = path.Length == 0
                ? page
                : System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
            yield return new Link(name, target, path, fragment, resolved);
        }
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered.</summary>
    static HashSet<string> HeadingAnchors(string page)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var text = FencedCode().Replace(File.ReadAllText(page), "");
        foreach (Match heading in Heading().Matches(text))
        {
            var slug = new string(heading.Groups["title"].Value.Trim().ToLowerInvariant()
                .Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
            var anchor = slug;
            for (var n = 1; !anchors.Add(anchor); n++)
                anchor = $"{slug}-{n}";
        }
        return anchors;
    }

    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
