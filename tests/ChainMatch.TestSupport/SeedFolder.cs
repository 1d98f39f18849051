using NUnit.Framework;

namespace ChainMatch.TestSupport;

/// <summary>A private copy of a fixture seed folder that a test may break, deleted afterwards.</summary>
public sealed class SeedFolder : IDisposable
{
    public string Path { get; }

    SeedFolder(string path) => Path = path;

    public static string Fixture(string name) => System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", name);

    /// <summary>The repository's own graph-seeds folder.</summary>
    public static string RepositorySeeds()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ChainMatch.sln")))
                return System.IO.Path.Combine(dir.FullName, "graph-seeds");
        throw new DirectoryNotFoundException("ChainMatch.sln not found above the test directory");
    }

    /// <summary>The repository's shipped ranking model, models/lead-ranker.zip.</summary>
    public static string ShippedModel() => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(RepositorySeeds())!, "models", "lead-ranker.zip");

    /// <summary>A fresh folder under the temp directory, e.g. for a store; deleted with the returned handle.</summary>
    public static SeedFolder Empty() => new(TempPath("chainmatch-"));

    public static SeedFolder CopyOf(string fixture) => CopyOfDirectory(Fixture(fixture));

    public static SeedFolder CopyOfDirectory(string source)
    {
        var target = TempPath("chainmatch-seeds-");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return new SeedFolder(target);
    }

    static string TempPath(string prefix) => System.IO.Path.Combine(System.IO.Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));

    public SeedFolder AppendLine(string file, string line)
    {
        File.AppendAllText(System.IO.Path.Combine(Path, file), line + "\n");
        return this;
    }

    public SeedFolder Replace(string file, string oldText, string newText)
    {
        var path = System.IO.Path.Combine(Path, file);
        var text = File.ReadAllText(path);
        if (!text.Contains(oldText, StringComparison.Ordinal)) throw new ArgumentException($"'{oldText}' not in {file}");
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public SeedFolder Write(string file, string text)
    {
        var path = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
