using System.Net;
using YamlDotNet.RepresentationModel;

namespace ChainMatch.Cli.Tests;

/// <summary>
/// <c>chainmatch health</c>, run exactly as docker-compose.yml's health check runs it, against a stand-in service on
/// 127.0.0.1: the check must work in the runtime image, which has dotnet but no curl, wget or bash /dev/tcp.
/// </summary>
public class HealthCommandTests
{
    static string Repository => Path.GetDirectoryName(SeedFolder.RepositorySeeds())!;

    /// <summary>The service's health check from docker-compose.yml, as Docker would run it.</summary>
    static IReadOnlyList<string> ComposeHealthcheck()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repository, "docker-compose.yml"))));
        var test = yaml.Documents[0].RootNode["services"]["chainmatch"]["healthcheck"]["test"];
        return [.. ((YamlSequenceNode)test).Children.Select(c => ((YamlScalarNode)c).Value!)];
    }

    /// <summary>The CLI arguments of the check: exec form, no shell, dotnet running the CLI the Dockerfile copies to /app/cli.</summary>
    static string[] CliArguments(Uri service)
    {
        var check = ComposeHealthcheck();
        Assert.That(check.Take(3), Is.EqualTo(new[] { "CMD", "dotnet", "/app/cli/chainmatch.dll" }), "exec form: the image's /bin/sh is dash");
        var dockerfile = File.ReadAllText(Path.Combine(Repository, "Dockerfile"));
        Assert.That(dockerfile, Does.Contain("WORKDIR /app").And.Contain("COPY --from=build /out/cli ./cli"));
        return [.. check.Skip(3).Select(a => a.Replace("http://127.0.0.1:5080/", service.ToString(), StringComparison.Ordinal))];
    }

    [TestCase("healthy")]
    [TestCase("degraded")]
    public async Task TheComposeHealthCheckPassesWhileTheServiceServes(string status)
    {
        using var service = new LoopbackNeo4j();
        service.Server.Otherwise = r => r.Path == "/health"
            ? FakeNeo4j.Answer(HttpStatusCode.OK, $$"""{"status":"{{status}}","store":"Neo4j"}""", "application/json")
            : FakeNeo4j.Answer(HttpStatusCode.NotFound, "");

        var run = await CliRun.Of(CliArguments(service.Uri));
        Assert.That(run.ExitCode, Is.Zero, run.Error);
        Assert.That(run.Output.Trim(), Is.EqualTo($"{service.Uri}health: {status}"));
    }

    [Test]
    public async Task TheComposeHealthCheckFailsWhenNothingAnswers()
    {
        Uri gone;
        using (var service = new LoopbackNeo4j()) gone = service.Uri;

        var run = await CliRun.Of(CliArguments(gone));
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.StartWith($"error: {gone}health: no answer"));
    }

    [Test]
    public async Task AnAnswerWithoutAServingStatusFailsTheCheck()
    {
        using var service = new LoopbackNeo4j();
        service.Server.Otherwise = _ => FakeNeo4j.Answer(HttpStatusCode.ServiceUnavailable, "<html>starting</html>", "text/html");

        var run = await CliRun.Of("health", "--url", new Uri(service.Uri, "health").ToString());
        Assert.That((run.ExitCode, run.Error.Trim()), Is.EqualTo((1, $"error: {service.Uri}health: HTTP 503")));
    }

    [Test]
    public async Task AUrlThatIsNotHttpIsAUsageError()
    {
        var run = await CliRun.Of("health", "--url", "ftp://127.0.0.1/health");
        Assert.That((run.ExitCode, run.Error.Trim()), Is.EqualTo((2, "error: --url 'ftp://127.0.0.1/health' is not an http(s) address")));
    }
}
