using ChainMatch.Domain;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Storage.Seeds;

/// <summary>
/// Reads a graph-seeds folder (format in graph-seeds/README.md) into <see cref="GraphData"/>, checking every
/// reference before anything is written. The first problem stops the read with file, line and reason.
/// </summary>
public static class SeedReader
{
    static readonly string[] Source = ["source_publisher", "source_ref"];
    static readonly string[] SourceAndEstimate = [.. Source, "estimate"];
    static readonly string[] Ownerships = ["central-soe", "local-soe", "private", "foreign", "mixed"];
    const int MinYear = 1800, MaxYear = 2100;

    public static GraphData Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new SeedFormatException(folder, 0, "seed folder not found");
        var chainsDir = Path.Combine(folder, "chains");
        var chainFiles = Directory.Exists(chainsDir)
            ? Directory.GetFiles(chainsDir, "*.yaml").Concat(Directory.GetFiles(chainsDir, "*.yml")).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => ChainFileReader.Read(folder, f)).ToList()
            : [];
        if (chainFiles.Count == 0) throw new SeedFormatException("chains/", 0, "no chain files (*.yaml) found");

        var chains = Unique(chainFiles.Select(c => new Located<Chain>(c.Chain, c.Definitions.FirstOrDefault()?.File ?? c.Members[0].File, 1)), c => c.Id, "chain");
        var segments = Unique(chainFiles.SelectMany(c => c.Definitions), s => s.Id, "segment");
        var resources = Unique(Rows(folder, "resources", ["id", "name", "unit"], ["name_en"]).Select(ToResource), r => r.Id, "resource");

        foreach (var member in chainFiles.SelectMany(c => c.Members))
            if (!segments.ContainsKey(member.Value))
                throw new SeedFormatException(member.File, member.Line, $"segment '{member.Value}' is not defined in any chain file (give it a name, stage and valueTier once)");
        foreach (var (_, s) in segments)
            foreach (var need in s.Value.Needs)
                if (!resources.ContainsKey(need)) throw new SeedFormatException(s.File, s.Line, $"segment '{s.Value.Id}' needs unknown resource '{need}'");

        foreach (var located in chainFiles.SelectMany(c => c.Intensities))
            CheckIntensity(located, resources);

        var feeds = new Dictionary<(SegmentId, SegmentId), Located<FeedLink>>();
        foreach (var f in chainFiles.SelectMany(c => c.Feeds))
        {
            foreach (var end in new[] { f.Value.From, f.Value.To })
                if (!segments.ContainsKey(end)) throw new SeedFormatException(f.File, f.Line, $"feeds link names unknown segment '{end}'");
            if (!feeds.TryAdd((f.Value.From, f.Value.To), f))
                throw new SeedFormatException(f.File, f.Line, $"link {f.Value.From} -> {f.Value.To} is already written at {feeds[(f.Value.From, f.Value.To)].Place}");
        }

        var regions = Unique(Rows(folder, "regions", ["code", "name", "level"], ["name_en", "parent", "latitude", "longitude", .. SourceAndEstimate]).Select(ToRegion), r => r.Code, "region");
        foreach (var (_, r) in regions) CheckParent(r, regions);

        var regionResources = Rows(folder, "region-resources", ["region", "resource"], ["amount", "unit", "year", .. SourceAndEstimate])
            .Select(row => ToRegionResource(row, regions, resources)).ToList();
        Unique(regionResources, rr => (rr.Region, rr.Resource), "region resource");

        var constraints = Rows(folder, "region-constraints", ["region", "kind", "resource", "amount", "unit", "year"], ["years", .. SourceAndEstimate])
            .Select(row => ToConstraint(row, regions, resources)).ToList();
        Unique(constraints, c => (c.Region, ConstraintKinds.Name(c.Kind), c.Resource, c.Year), "constraint");

        var firms = Unique(Rows(folder, "firms", ["id", "name"], ["name_en", "hq_region", "ownership", "uscc", "aliases", .. SourceAndEstimate]).Select(row => ToFirm(row, regions)), f => f.Id, "firm");

        foreach (var row in Rows(folder, "groups", ["firm", "parent"], ["parent_name", "parent_name_en", "parent_hq_region", "parent_aliases", "share", .. SourceAndEstimate]))
            AddGroup(row, firms, regions);

        var presences = Rows(folder, "presences", ["firm", "segment", "region"], ["capacity", "unit", "since", "until", "site", .. SourceAndEstimate])
            .Select(row => ToPresence(row, firms, segments, regions)).ToList();
        Unique(presences, p => PresenceKey.Of(p), "presence");

        var lists = Unique(Rows(folder, "lists", ["id", "name", "publisher", "year"], ["name_en"]).Select(ToList), l => l.Id, "list");
        var memberships = Rows(folder, "list-memberships", ["firm", "list"], ["rank", "revenue", "industry", .. SourceAndEstimate])
            .Select(row => ToMembership(row, firms, lists)).ToList();
        Unique(memberships, m => (m.Firm, m.List), "list membership");

        var industries = Unique(Rows(folder, "industry-segments", ["industry", "weight", "reason"], ["segment"])
            .Select(row => ToIndustrySegment(row, segments)), x => x.Key, "industry mapping");

        var supplies = Rows(folder, "supplies", ["supplier", "customer"], ["segment", "since", .. SourceAndEstimate])
            .Select(row => ToSupply(row, firms, segments)).ToList();
        Unique(supplies, s => (s.Supplier, s.Customer, s.Segment), "supply");

        var rules = Unique(Rows(folder, "negative-list", ["id", "reason"], ["firm", "segment", "region", .. SourceAndEstimate])
            .Select(row => ToRule(row, firms, segments, regions)), r => r.Id, "negative-list rule");

        var steps = Rows(folder, "project-stages", ["project", "stage", "date"], ["agreed_investment", "funds_in_place", "note"])
            .Select(ToStep).ToLookup(s => s.Value.Project, s => s);
        var projects = Unique(Rows(folder, "projects", ["id", "firm", "segment", "region", "owner"], [.. SourceAndEstimate])
            .Select(row => ToProject(row, firms, segments, regions, steps)), p => p.Id, "project");
        foreach (var (id, _) in steps.Select(g => (g.Key, g)))
            if (!projects.ContainsKey(id))
            {
                var first = steps[id].First();
                throw new SeedFormatException(first.File, first.Line, $"unknown project '{id}'");
            }

        return new GraphData(
            [.. chains.Values.Select(c => c.Value)],
            [.. segments.Values.Select(s => s.Value)],
            [.. feeds.Values.Select(f => f.Value)],
            [.. regions.Values.Select(r => r.Value)],
            [.. resources.Values.Select(r => r.Value)],
            [.. regionResources.Select(r => r.Value)],
            [.. firms.Values.Select(f => f.Value)],
            [.. presences.Select(p => p.Value)],
            [.. lists.Values.Select(l => l.Value)],
            [.. memberships.Select(m => m.Value)],
            [.. supplies.Select(s => s.Value)])
        {
            NegativeRules = [.. rules.Values.Select(r => r.Value)],
            Projects = [.. projects.Values.Select(p => p.Value)],
            Constraints = [.. constraints.Select(c => c.Value)],
            IndustrySegments = [.. industries.Values.Select(x => x.Value)],
        };
    }

    static IEnumerable<CsvRow> Rows(string folder, string table, string[] required, string[] optional) =>
        CsvTable.ReadAll(folder, table, required, optional).SelectMany(t => t.Rows);

    /// <summary>Keeps insertion order; a second definition of a key fails naming both places.</summary>
    static Dictionary<TKey, Located<T>> Unique<T, TKey>(IEnumerable<Located<T>> items, Func<T, TKey> key, string kind) where TKey : notnull
    {
        var seen = new Dictionary<TKey, Located<T>>();
        foreach (var item in items)
            if (!seen.TryAdd(key(item.Value), item))
                throw new SeedFormatException(item.File, item.Line, $"{kind} '{key(item.Value)}' is already defined at {seen[key(item.Value)].Place}");
        return seen;
    }

    static Located<T> At<T>(CsvRow row, T value) => new(value, row.File, row.Line);

    static Provenance ProvenanceOf(CsvRow row) =>
        new(row.Optional("source_publisher"), row.Optional("source_ref"), row.Flag("estimate"));

    static Located<Resource> ToResource(CsvRow row)
    {
        var id = row.Required("id");
        if (!SeedIds.IsSlug(id)) throw row.Error($"'{id}' is not a kebab-case id");
        return At(row, new Resource(new ResourceId(id), row.Required("name"), row.Optional("name_en"), row.Required("unit")));
    }

    static Located<Region> ToRegion(CsvRow row)
    {
        var code = row.Required("code");
        var level = row.Required("level") switch
        {
            "province" => RegionLevel.Province,
            "prefecture" => RegionLevel.Prefecture,
            "county" => RegionLevel.County,
            "park" => RegionLevel.Park,
            var other => throw row.Error($"level must be province, prefecture, county or park, not '{other}'"),
        };
        var valid = level == RegionLevel.Park ? SeedIds.IsParkCode(code) : SeedIds.IsDivisionCode(code);
        if (!valid)
            throw row.Error(level == RegionLevel.Park
                ? $"park code '{code}' must read <county code>-<slug>, e.g. 530181-anning-industrial-park"
                : $"region code '{code}' is not a six-digit GB/T 2260 code");
        var parent = row.Optional("parent") is { } p ? new RegionCode(p) : (RegionCode?)null;
        if (level == RegionLevel.Park && parent?.Value != code[..6])
            throw row.Error($"park '{code}' must have its county {code[..6]} as parent");
        double? latitude = row.Number("latitude", -90, 90), longitude = row.Number("longitude", -180, 180);
        if (latitude is null != longitude is null) throw row.Error("'latitude' and 'longitude' go together");
        var seat = latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : (GeoPoint?)null;
        return At(row, new Region(new RegionCode(code), row.Required("name"), row.Optional("name_en"), level, parent, ProvenanceOf(row)) { Seat = seat });
    }

    static void CheckParent(Located<Region> r, Dictionary<RegionCode, Located<Region>> regions)
    {
        var region = r.Value;
        if (region.Parent is not { } parentCode)
        {
            if (region.Level != RegionLevel.Province) throw new SeedFormatException(r.File, r.Line, $"{region.Level.ToString().ToLowerInvariant()} '{region.Code}' needs a parent");
            return;
        }
        if (!regions.TryGetValue(parentCode, out var parent))
            throw new SeedFormatException(r.File, r.Line, $"parent '{parentCode}' of '{region.Code}' is not a known region");
        if (parent.Value.Level >= region.Level)
            throw new SeedFormatException(r.File, r.Line, $"parent '{parentCode}' is a {parent.Value.Level.ToString().ToLowerInvariant()}, not above a {region.Level.ToString().ToLowerInvariant()}");
    }

    static Located<RegionResource> ToRegionResource(CsvRow row, Dictionary<RegionCode, Located<Region>> regions, Dictionary<ResourceId, Located<Resource>> resources)
    {
        var region = KnownRegion(row, "region", regions);
        var resourceId = new ResourceId(row.Required("resource"));
        if (!resources.TryGetValue(resourceId, out var resource)) throw row.Error($"unknown resource '{resourceId}'");
        var amount = row.Number("amount");
        var unit = row.Optional("unit");
        if (amount is not null && unit != resource.Value.Unit)
            throw row.Error($"amount of {resourceId} must be in {resource.Value.Unit}, not '{unit}'");
        return At(row, new RegionResource(region, resourceId, amount, row.Int("year", MinYear, MaxYear), ProvenanceOf(row)));
    }

    /// <summary>An intensity's amount must convert to its resource's unit: kWh/t to a resource in TWh/yr, ha/plant to one in ha.</summary>
    static void CheckIntensity(Located<(SegmentId Segment, Intensity Intensity)> located, Dictionary<ResourceId, Located<Resource>> resources)
    {
        var (segment, k) = located.Value;
        if (!resources.TryGetValue(k.Resource, out var resource))
            throw new SeedFormatException(located.File, located.Line, $"segment '{segment}' has an intensity for unknown resource '{k.Resource}'");
        // Per unit of output (kWh/t) the use is yearly; per plant or per unit of capacity (ha/t/yr) it is held.
        var yearly = k.OutputUnit != Intensity.PerPlant && Units.PerYear(k.OutputUnit) is null;
        var used = yearly ? k.InputUnit + "/yr" : k.InputUnit;
        var target = resource.Value.Unit;
        // A reserve (a stock) is drawn each year, so a yearly draw of a stock resource is checked in its base unit.
        if (yearly && Units.PerYear(target) is null) target += "/yr";
        if (Units.Factor(used, target) is null)
            throw new SeedFormatException(located.File, located.Line,
                $"intensity {k.Unit} of '{segment}' cannot be converted to {k.Resource}'s unit {resource.Value.Unit} (units that convert: {Units.Convertible})");
    }

    static Located<RegionConstraint> ToConstraint(CsvRow row, Dictionary<RegionCode, Located<Region>> regions, Dictionary<ResourceId, Located<Resource>> resources)
    {
        var region = KnownRegion(row, "region", regions);
        var kindText = row.Required("kind");
        if (!ConstraintKinds.TryParse(kindText, out var kind)) throw row.Error($"kind must be one of {ConstraintKinds.Names}, not '{kindText}'");
        var resourceId = new ResourceId(row.Required("resource"));
        if (!resources.TryGetValue(resourceId, out var resource)) throw row.Error($"unknown resource '{resourceId}'");
        var unit = row.Required("unit");
        if (Units.Factor(unit, resource.Value.Unit) is null)
            throw row.Error($"unit '{unit}' cannot be converted to {resourceId}'s unit {resource.Value.Unit} (units that convert: {Units.Convertible})");
        var years = row.Int("years", 1, 500);
        var stock = Units.PerYear(unit) is null;
        if (kind == ConstraintKind.MineralReserves && years is null) throw row.Error("mineral reserves need 'years': how long the reserve must last at the draw checked");
        if (years is not null && !stock) throw row.Error($"'years' applies to a reserve (a stock), not to a yearly {unit}");
        return At(row, new RegionConstraint(region, kind, resourceId, row.Number("amount") ?? throw row.Error("'amount' is required"), unit,
            row.Int("year", MinYear, MaxYear) ?? throw row.Error("'year' is required"), years, ProvenanceOf(row)));
    }

    /// <summary>
    /// A group link (groups.csv): the firm known, one parent per firm, a source, and no firm its own ancestor. A parent
    /// not among the firms is defined by the row itself (parent_name, and optionally parent_name_en and parent_hq_region),
    /// so that a group that owns no plant of its own needs no row in firms/.
    /// </summary>
    static void AddGroup(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<RegionCode, Located<Region>> regions)
    {
        var id = new FirmId(row.Required("firm"));
        var parent = new FirmId(row.Required("parent"));
        if (!SeedIds.IsSlug(parent.Value)) throw row.Error($"'{parent}' is not a kebab-case id");
        if (!firms.TryGetValue(id, out var firm)) throw row.Error($"unknown firm '{id}'");
        if (firm.Value.Group is not null) throw row.Error($"firm '{id}' already has parent '{firm.Value.Group.Parent}': a firm has one parent group");
        var source = ProvenanceOf(row);
        if (!source.IsVerified) throw row.Error("a group link needs source_publisher or source_ref");
        if (row.Optional("parent_name") is { } parentName)
        {
            if (firms.TryGetValue(parent, out var known) && known.Value.Name != parentName)
                throw row.Error($"parent '{parent}' is already defined at {known.Place} as {known.Value.Name}");
            var hq = row.Optional("parent_hq_region") is not null ? KnownRegion(row, "parent_hq_region", regions) : (RegionCode?)null;
            var aliases = (row.Optional("parent_aliases") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (!firms.ContainsKey(parent))
                firms[parent] = At(row, new Firm(parent, parentName, row.Optional("parent_name_en"), hq, null, source) { Aliases = [.. aliases.Distinct()] });
        }
        if (!firms.ContainsKey(parent)) throw row.Error($"unknown parent firm '{parent}' (give parent_name to define it here)");
        for (var up = parent; ; )
        {
            if (up == id) throw row.Error($"'{parent}' is already below '{id}': groups cannot form a cycle");
            if (firms[up].Value.Group is not { } next) break;
            up = next.Parent;
        }
        firms[id] = firm with { Value = firm.Value with { Group = new GroupLink(parent, row.Number("share", 0, 100), source) } };
    }

    static Located<IndustrySegment> ToIndustrySegment(CsvRow row, IReadOnlyDictionary<SegmentId, Located<Segment>> segments)
    {
        var segment = row.Optional("segment") is { } s ? new SegmentId(s) : (SegmentId?)null;
        if (segment is { } id && !segments.ContainsKey(id)) throw row.Error($"unknown segment '{id}'");
        var weight = row.Number("weight", 0, 1) ?? throw row.Error("weight is required");
        if (segment is null && weight != 0) throw row.Error("a label mapped to no segment has weight 0");
        return At(row, new IndustrySegment(row.Required("industry"), segment, weight, row.Required("reason")));
    }

    static Located<Firm> ToFirm(CsvRow row, Dictionary<RegionCode, Located<Region>> regions)
    {
        var id = row.Required("id");
        if (!SeedIds.IsSlug(id)) throw row.Error($"'{id}' is not a kebab-case id");
        var hq = row.Optional("hq_region") is not null ? KnownRegion(row, "hq_region", regions) : (RegionCode?)null;
        var ownership = row.Optional("ownership");
        if (ownership is not null && !Ownerships.Contains(ownership))
            throw row.Error($"ownership must be one of {string.Join(", ", Ownerships)} or empty, not '{ownership}'");
        var uscc = row.Optional("uscc");
        if (uscc is not null && !SeedIds.IsUscc(uscc)) throw row.Error($"'{uscc}' is not an 18-character unified social credit code");
        var aliases = (row.Optional("aliases") ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return At(row, new Firm(new FirmId(id), row.Required("name"), row.Optional("name_en"), hq, ownership, ProvenanceOf(row))
        {
            Uscc = uscc,
            Aliases = [.. aliases.Distinct()],
        });
    }

    static Located<Presence> ToPresence(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<SegmentId, Located<Segment>> segments, Dictionary<RegionCode, Located<Region>> regions)
    {
        var firm = KnownFirm(row, "firm", firms);
        var segment = new SegmentId(row.Required("segment"));
        if (!segments.ContainsKey(segment)) throw row.Error($"unknown segment '{segment}'");
        var region = KnownRegion(row, "region", regions);
        var capacity = row.Number("capacity");
        var unit = row.Optional("unit");
        if ((capacity is null) != (unit is null)) throw row.Error("capacity and unit go together: give both or neither");
        var since = row.Int("since", MinYear, MaxYear);
        var until = row.Int("until", MinYear, MaxYear);
        if (since is not null && until is not null && until <= since) throw row.Error($"until ({until}) must be after since ({since})");
        var quantity = capacity is not null ? new Quantity(capacity.Value, unit!) : null;
        return At(row, new Presence(firm, segment, region, quantity, since, until, row.Optional("site"), ProvenanceOf(row)));
    }

    static Located<FirmList> ToList(CsvRow row)
    {
        var id = row.Required("id");
        if (!SeedIds.IsSlug(id)) throw row.Error($"'{id}' is not a kebab-case id");
        return At(row, new FirmList(new ListId(id), row.Required("name"), row.Optional("name_en"), row.Required("publisher"),
            row.Int("year", MinYear, MaxYear) ?? throw row.Error("'year' is required")));
    }

    static Located<ListMembership> ToMembership(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<ListId, Located<FirmList>> lists)
    {
        var firm = KnownFirm(row, "firm", firms);
        var list = new ListId(row.Required("list"));
        if (!lists.ContainsKey(list)) throw row.Error($"unknown list '{list}'");
        return At(row, new ListMembership(firm, list, row.Int("rank", 1, 100_000), ProvenanceOf(row)) { Revenue = row.Number("revenue"), Industry = row.Optional("industry") });
    }

    static Located<Supply> ToSupply(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<SegmentId, Located<Segment>> segments)
    {
        var supplier = KnownFirm(row, "supplier", firms);
        var customer = KnownFirm(row, "customer", firms);
        SegmentId? segment = row.Optional("segment") is { } s ? new SegmentId(s) : null;
        if (segment is { } sid && !segments.ContainsKey(sid)) throw row.Error($"unknown segment '{sid}'");
        return At(row, new Supply(supplier, customer, segment, row.Int("since", MinYear, MaxYear), ProvenanceOf(row)));
    }

    static Located<NegativeRule> ToRule(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<SegmentId, Located<Segment>> segments, Dictionary<RegionCode, Located<Region>> regions)
    {
        var firm = row.Optional("firm") is not null ? KnownFirm(row, "firm", firms) : (FirmId?)null;
        SegmentId? segment = row.Optional("segment") is { } s ? new SegmentId(s) : null;
        if (segment is { } sid && !segments.ContainsKey(sid)) throw row.Error($"unknown segment '{sid}'");
        var region = row.Optional("region") is not null ? KnownRegion(row, "region", regions) : (RegionCode?)null;
        if (firm is null && segment is null && region is null) throw row.Error("a rule names at least one of firm, segment and region");
        return At(row, new NegativeRule(row.Required("id"), firm, segment, region, row.Required("reason"), ProvenanceOf(row)));
    }

    static Located<(string Project, StageChange Step)> ToStep(CsvRow row)
    {
        var text = row.Required("stage");
        if (!ProjectLifecycle.TryParse(text, out var stage)) throw row.Error($"stage must be one of {ProjectLifecycle.Names}, not '{text}'");
        var dateText = row.Required("date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            throw row.Error($"date must read YYYY-MM-DD, not '{dateText}'");
        return At(row, (row.Required("project"), new StageChange(stage, date, row.Number("agreed_investment"), row.Number("funds_in_place"), row.Optional("note"))));
    }

    static Located<Project> ToProject(CsvRow row, Dictionary<FirmId, Located<Firm>> firms, Dictionary<SegmentId, Located<Segment>> segments,
        Dictionary<RegionCode, Located<Region>> regions, ILookup<string, Located<(string Project, StageChange Step)>> steps)
    {
        var id = row.Required("id");
        if (!SeedIds.IsSlug(id)) throw row.Error($"'{id}' is not a kebab-case id");
        var firm = KnownFirm(row, "firm", firms);
        var segment = new SegmentId(row.Required("segment"));
        if (!segments.ContainsKey(segment)) throw row.Error($"unknown segment '{segment}'");
        var project = new Project(id, firm, segment, KnownRegion(row, "region", regions), row.Required("owner"),
            [.. steps[id].Select(s => s.Value.Step)], ProvenanceOf(row));
        if (project.History.IsEmpty) throw row.Error($"project '{id}' has no step in project-stages.csv");
        try
        {
            ProjectLifecycle.Check(project);
        }
        catch (Exception e) when (e is IllegalTransitionException or InvalidValueException)
        {
            var step = steps[id].First();
            throw new SeedFormatException(step.File, step.Line, e.Message);
        }
        return At(row, project);
    }

    static RegionCode KnownRegion(CsvRow row, string column, Dictionary<RegionCode, Located<Region>> regions)
    {
        var code = new RegionCode(row.Required(column));
        return regions.ContainsKey(code) ? code : throw row.Error($"unknown region '{code}' in '{column}'");
    }

    static FirmId KnownFirm(CsvRow row, string column, Dictionary<FirmId, Located<Firm>> firms)
    {
        var id = new FirmId(row.Required(column));
        return firms.ContainsKey(id) ? id : throw row.Error($"unknown firm '{id}' in '{column}'");
    }
}
