using ChainMatch.Api.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Tests;

/// <summary>The graph settings are checked before the service starts; a Neo4j store needs its address and credentials spelled out.</summary>
public class GraphOptionsTests
{
    static Dictionary<string, string?> Neo4jSettings() => new()
    {
        ["Graph:Provider"] = "Neo4j",
        ["Graph:Neo4j:Uri"] = "http://neo4j.test:7474",
        ["Graph:Neo4j:User"] = "chainmatch",
        ["Graph:Neo4j:Password"] = "s3cret-pass",
    };

    static GraphOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging();
        services.AddChainMatchGraph();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<GraphOptions>>().Value;
    }

    [Test]
    public void ANeo4jStoreWithAddressAndCredentialsIsAccepted()
    {
        var options = Bind(Neo4jSettings());
        Assert.That((options.Provider, options.Neo4j.Database, options.Neo4j.ToConnection().User), Is.EqualTo(("Neo4j", "neo4j", "chainmatch")));
    }

    [TestCase("Graph:Neo4j:Password", "Graph:Neo4j:Password is required when Graph:Provider is Neo4j")]
    [TestCase("Graph:Neo4j:User", "Graph:Neo4j:User is required when Graph:Provider is Neo4j")]
    [TestCase("Graph:Neo4j:Uri", "Graph:Neo4j:Uri must be the server's HTTP address")]
    public void ANeo4jStoreWithoutASettingIsRefusedNamingIt(string missing, string message)
    {
        var settings = Neo4jSettings();
        settings.Remove(missing);
        Assert.That(() => Bind(settings), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains(message));
    }

    [Test]
    public void ABoltAddressIsRefusedBecauseTheAdapterSpeaksHttp()
    {
        var settings = Neo4jSettings();
        settings["Graph:Neo4j:Uri"] = "bolt://neo4j.test:7687";
        Assert.That(() => Bind(settings), Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("not bolt://"));
    }

    [Test]
    public void TheEmbeddedStoreNeedsNoNeo4jSettings()
    {
        Assert.That(Bind(new Dictionary<string, string?> { ["Graph:Provider"] = "Embedded" }).Provider, Is.EqualTo("Embedded"));
    }

    [Test]
    public void AnUnknownProviderIsRefused()
    {
        Assert.That(() => Bind(new Dictionary<string, string?> { ["Graph:Provider"] = "Postgres" }),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Provider"));
    }

    [TestCase("00:00:00")]
    [TestCase("-00:05:00")]
    public void AConsistencyCheckIntervalThatIsNotPositiveIsRefusedNamingIt(string interval)
    {
        Assert.That(() => Bind(new Dictionary<string, string?> { ["Graph:ConsistencyCheckInterval"] = interval }),
            Throws.InstanceOf<OptionsValidationException>().With.Message.Contains("Graph:ConsistencyCheckInterval must be positive"));
    }
}
