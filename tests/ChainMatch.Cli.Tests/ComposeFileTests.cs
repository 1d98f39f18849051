using YamlDotNet.RepresentationModel;

namespace ChainMatch.Cli.Tests;

/// <summary>
/// docker-compose.yml as far as it can be checked without a Docker engine (none runs here): two replicas behind the
/// proxy, reachable only through it, sharing the cookie key ring, on the same Neo4j.
/// </summary>
public class ComposeFileTests
{
    static string Repository => Path.GetDirectoryName(SeedFolder.RepositorySeeds())!;

    static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(Repository, "docker-compose.yml"))));
        return (YamlMappingNode)yaml.Documents[0].RootNode["services"];
    }

    static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    [Test]
    public void TwoReplicasRunOnNeo4jAndOnlyTheProxyPublishesAPort()
    {
        var services = Services();
        var chainmatch = (YamlMappingNode)services["chainmatch"];
        Assert.That(int.Parse(Scalar(chainmatch["deploy"]["replicas"])), Is.GreaterThanOrEqualTo(2));
        Assert.That(Scalar(chainmatch["environment"]["Graph__Provider"]), Is.EqualTo("Neo4j"), "replicas need a store they all reach");
        Assert.That(chainmatch.Children.Keys.Select(Scalar), Does.Not.Contain("ports"), "two replicas cannot publish one host port");
        var proxy = (YamlMappingNode)services["proxy"];
        Assert.That(Scalar(proxy["image"]), Does.StartWith("nginx:"), "the official nginx image");
        Assert.That(((YamlSequenceNode)proxy["ports"]).Children.Select(Scalar), Is.EqualTo(new[] { "127.0.0.1:5080:80" }));
    }

    [Test]
    public void TheProxyConfigurationItMountsSendsRequestsToTheReplicas()
    {
        var mount = ((YamlSequenceNode)Services()["proxy"]["volumes"]).Children.Select(Scalar).Single();
        var (source, target) = (mount.Split(':')[0], mount.Split(':')[1]);
        Assert.That(target, Is.EqualTo("/etc/nginx/conf.d/default.conf"));
        var conf = File.ReadAllText(Path.Combine(Repository, source));
        Assert.That(conf, Does.Contain("server chainmatch:5080").And.Contain("proxy_pass http://chainmatch;"));
        Assert.That(conf.Count(c => c == '{'), Is.EqualTo(conf.Count(c => c == '}')), "balanced blocks");
    }

    [Test]
    public void TheReplicasShareTheCookieKeyRingOnAVolumeTheImageUserOwns()
    {
        var chainmatch = Services()["chainmatch"];
        var keyRing = Scalar(chainmatch["environment"]["Auth__KeyRingDirectory"]);
        Assert.That(((YamlSequenceNode)chainmatch["volumes"]).Children.Select(Scalar), Does.Contain($"keyring:{keyRing}"));
        Assert.That(File.ReadAllText(Path.Combine(Repository, "Dockerfile")), Does.Contain($"chown chainmatch:chainmatch /data {keyRing}"));
    }
}
