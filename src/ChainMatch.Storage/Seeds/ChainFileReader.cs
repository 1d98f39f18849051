using System.Globalization;
using ChainMatch.Domain.Graph;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChainMatch.Storage.Seeds;

/// <summary>What one chain file says, with the line of every definition for later cross-file checks.</summary>
sealed record ChainFile(
    Chain Chain,
    IReadOnlyList<Located<Segment>> Definitions,
    IReadOnlyList<Located<SegmentId>> Members,
    IReadOnlyList<Located<FeedLink>> Feeds,
    IReadOnlyList<Located<(SegmentId Segment, Intensity Intensity)>> Intensities);

sealed record Located<T>(T Value, string File, int Line)
{
    public string Place => $"{File}:{Line}";
}

/// <summary>Reads a hand-written chain YAML file through YamlDotNet's node model, so every error has a line.</summary>
static class ChainFileReader
{
    static readonly string[] ChainKeys = ["id", "name", "nameEn", "segments", "feeds"];
    static readonly string[] SegmentKeys = ["id", "name", "nameEn", "stage", "valueTier", "needs", "weakBelow", "intensities"];
    static readonly string[] IntensityKeys = ["resource", "amount", "unit", "source", "estimate"];
    static readonly string[] WeakBelowKeys = ["amount", "unit", "source", "estimate"];
    static readonly string[] FeedKeys = ["from", "to", "coefficient", "unit", "source", "estimate"];
    static readonly string[] SourceKeys = ["publisher", "ref"];

    public static ChainFile Read(string folder, string path)
    {
        var file = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new SeedFormatException(file, (int)e.Start.Line, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's node model gives up this way on some unterminated flow collections, without a position.
            throw new SeedFormatException(file, 0, $"not valid YAML ({e.Message}): look for an unclosed [ or {{");
        }
        catch (ArgumentException e)
        {
            // And this way on a stray structure it cannot build a node from (e.g. a key given twice, from the dictionary it fills).
            throw new SeedFormatException(file, 0, $"not valid YAML ({e.Message}): look for a line out of place");
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new SeedFormatException(file, 1, "a chain file holds one mapping with id, name, segments and feeds");

        var ctx = new Context(file);
        ctx.CheckKeys(root, ChainKeys);
        var chainId = new ChainId(ctx.Id(root, "id"));
        var definitions = new List<Located<Segment>>();
        var intensities = new List<Located<(SegmentId, Intensity)>>();
        var members = new List<Located<SegmentId>>();
        foreach (var node in ctx.Sequence(root, "segments", required: true))
        {
            var map = ctx.Mapping(node, "segment");
            var id = new SegmentId(ctx.Id(map, "id"));
            members.Add(new(id, file, Line(map)));
            if (map.Children.Count == 1) continue;   // a reference to a segment defined in another chain file
            ctx.CheckKeys(map, SegmentKeys);
            var stage = ctx.Required(map, "stage") switch
            {
                "upstream" => Stage.Upstream,
                "midstream" => Stage.Midstream,
                "downstream" => Stage.Downstream,
                "application" => Stage.Application,
                var other => throw ctx.Error(map, $"stage must be upstream, midstream, downstream or application, not '{other}'"),
            };
            var tier = ctx.Int(map, "valueTier") ?? throw ctx.Error(map, "'valueTier' is required");
            if (tier is < 1 or > 5) throw ctx.Error(map, $"valueTier must be 1 to 5, not {tier}");
            var needs = ctx.Sequence(map, "needs", required: false).Select(n => new ResourceId(ctx.Scalar(n, "needs"))).ToArray();
            Quantity? weakBelow = null;
            Provenance? weakSource = null;
            if (ctx.Child(map, "weakBelow") is { } wb)
            {
                var wbMap = ctx.Mapping(wb, "weakBelow");
                ctx.CheckKeys(wbMap, WeakBelowKeys);
                weakBelow = new Quantity(ctx.Number(wbMap, "amount") ?? throw ctx.Error(wbMap, "'amount' is required"), ctx.Required(wbMap, "unit"));
                weakSource = ctx.Provenance(wbMap);
            }
            var own = new List<Intensity>();
            foreach (var k in ctx.Sequence(map, "intensities", required: false))
            {
                var kMap = ctx.Mapping(k, "intensity");
                ctx.CheckKeys(kMap, IntensityKeys);
                var resource = new ResourceId(ctx.Required(kMap, "resource"));
                if (own.Any(i => i.Resource == resource)) throw ctx.Error(kMap, $"segment '{id}' gives an intensity for '{resource}' twice");
                var unit = ctx.Required(kMap, "unit");
                // Split at the first slash only: "ha/t/yr" is hectares per t/yr of capacity.
                var slash = unit.IndexOf('/');
                if (slash <= 0 || slash == unit.Length - 1)
                    throw ctx.Error(kMap, $"unit must read '<resource unit>/<output unit>' (kWh/t, ha/t/yr, ha/plant), not '{unit}'");
                var intensity = new Intensity(resource, ctx.Number(kMap, "amount") ?? throw ctx.Error(kMap, "'amount' is required"),
                    unit[..slash].Trim(), unit[(slash + 1)..].Trim(), ctx.Provenance(kMap));
                own.Add(intensity);
                intensities.Add(new((id, intensity), file, Line(kMap)));
            }
            definitions.Add(new(new Segment(id, ctx.Required(map, "name"), ctx.Optional(map, "nameEn"), stage, tier, [.. needs], weakBelow, weakSource)
            {
                Intensities = [.. own],
            }, file, Line(map)));
        }

        var feeds = new List<Located<FeedLink>>();
        foreach (var node in ctx.Sequence(root, "feeds", required: false))
        {
            var map = ctx.Mapping(node, "feeds link");
            ctx.CheckKeys(map, FeedKeys);
            var from = new SegmentId(ctx.Id(map, "from"));
            var to = new SegmentId(ctx.Id(map, "to"));
            if (from == to) throw ctx.Error(map, $"segment '{from}' cannot feed itself");
            Coefficient? coefficient = null;
            if (ctx.Number(map, "coefficient") is { } amount)
            {
                var unit = ctx.Optional(map, "unit") ?? throw ctx.Error(map, "a coefficient needs a unit such as t/t");
                var parts = unit.Split('/');
                if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
                    throw ctx.Error(map, $"unit must read '<input unit>/<output unit>', not '{unit}'");
                coefficient = new Coefficient(amount, parts[0].Trim(), parts[1].Trim());
            }
            else if (ctx.Optional(map, "unit") is not null) throw ctx.Error(map, "unit given without a coefficient");
            feeds.Add(new(new FeedLink(from, to, coefficient, ctx.Provenance(map)), file, Line(map)));
        }

        var chain = new Chain(chainId, ctx.Required(root, "name"), ctx.Optional(root, "nameEn"), [.. members.Select(m => m.Value)]);
        var duplicate = members.GroupBy(m => m.Value).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new SeedFormatException(file, duplicate.Last().Line, $"segment '{duplicate.Key}' is listed twice in chain '{chainId}'");
        return new ChainFile(chain, definitions, members, feeds, intensities);
    }

    static int Line(YamlNode node) => (int)node.Start.Line;

    sealed class Context(string file)
    {
        public SeedFormatException Error(YamlNode node, string reason) => new(file, Line(node), reason);

        public void CheckKeys(YamlMappingNode map, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
                if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                    throw Error(key, $"unknown key '{key}' (expected: {string.Join(", ", allowed)})");
        }

        public YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public YamlMappingNode Mapping(YamlNode node, string what) =>
            node as YamlMappingNode ?? throw Error(node, $"each {what} must be a mapping");

        public IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key, bool required) => Child(map, key) switch
        {
            YamlSequenceNode seq => seq.Children,
            null when !required => [],
            null => throw Error(map, $"'{key}' is required"),
            var other => throw Error(other, $"'{key}' must be a list"),
        };

        public string Scalar(YamlNode node, string key) =>
            node is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : throw Error(node, $"'{key}' must be a plain value");

        public string? Optional(YamlMappingNode map, string key) => Child(map, key) is { } node ? Scalar(node, key) : null;

        public string Required(YamlMappingNode map, string key) => Optional(map, key) ?? throw Error(map, $"'{key}' is required");

        public string Id(YamlMappingNode map, string key)
        {
            var id = Required(map, key);
            return SeedIds.IsSlug(id) ? id : throw Error(Child(map, key)!, $"'{id}' is not a kebab-case id");
        }

        public int? Int(YamlMappingNode map, string key) => Optional(map, key) is { } text
            ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw Error(Child(map, key)!, $"'{key}' must be a whole number, not '{text}'")
            : null;

        public double? Number(YamlMappingNode map, string key) => Optional(map, key) is { } text
            ? Domain.Numbers.TryParse(text, out var v) && v >= 0
                ? v
                : throw Error(Child(map, key)!, $"'{key}' must be a non-negative number up to {Domain.Numbers.Limit:0e0}, not '{text}'")
            : null;

        public Provenance Provenance(YamlMappingNode map)
        {
            string? publisher = null, reference = null;
            if (Child(map, "source") is { } src)
            {
                var srcMap = Mapping(src, "source");
                CheckKeys(srcMap, SourceKeys);
                publisher = Optional(srcMap, "publisher");
                reference = Optional(srcMap, "ref");
            }
            var estimate = Optional(map, "estimate") switch
            {
                null or "false" => false,
                "true" => true,
                var other => throw Error(Child(map, "estimate")!, $"estimate must be true or false, not '{other}'"),
            };
            return new Provenance(publisher, reference, estimate);
        }
    }
}
