using NUnit.Framework;

namespace ChainMatch.TestSupport;

/// <summary>
/// The real ranked lists kept beside the checkout in <c>shared/lists/</c> (Fortune's data: never copied into the
/// repository). Found by walking up from the test directory; a test that needs one is skipped with the reason when absent.
/// </summary>
public static class SharedLists
{
    public const string Fortune2024 = "fortune-global-500-2024.csv";

    public static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "lists", file);
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Ignore($"shared/lists/{file} is not above {TestContext.CurrentContext.TestDirectory}: the real list is not kept in the repository");
        throw new System.Diagnostics.UnreachableException();
    }

    public static byte[] Read(string file) => File.ReadAllBytes(PathOf(file));
}
