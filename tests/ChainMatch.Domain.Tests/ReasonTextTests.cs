using System.Text.RegularExpressions;
using ChainMatch.Domain.Leads;
using ChainMatch.Domain.Projects;
using ChainMatch.Domain.Reasons;

namespace ChainMatch.Domain.Tests;

/// <summary>Every reason code reads in Chinese and in English, from the same arguments.</summary>
public partial class ReasonTextTests
{
    static IEnumerable<string> Codes() => ReasonText.Templates.Keys;

    [TestCaseSource(nameof(Codes))]
    public void EveryCodeHasAChineseAndAnEnglishTemplateOverTheSameArguments(string code)
    {
        var (zh, en) = ReasonText.Templates[code];
        Assert.That(ReasonText.Placeholders(zh), Is.EquivalentTo(ReasonText.Placeholders(en)), "both languages speak of the same values");
        Assert.That(Han().IsMatch(zh), Is.True, "the Chinese template is Chinese");
        Assert.That(Han().IsMatch(en), Is.False, "the English template has no Chinese words of its own");
    }

    [TestCaseSource(nameof(Codes))]
    public void EveryCodeRendersInBothLanguagesWithEveryArgumentFilledIn(string code)
    {
        // A name in both languages for every placeholder: each rendering must pick its own language's word.
        var args = ReasonText.Placeholders(ReasonText.Templates[code].En).Select(p => (p, (object)new Words($"甲{p}", $"A-{p}"))).ToArray();
        var text = Reason.Of(code, args).Text;
        Assert.That(text.Zh, Does.Not.Contain("{").And.Not.Contain("A-"));
        Assert.That(text.En, Does.Not.Contain("{").And.Not.Contain("甲"));
        foreach (var (name, _) in args)
        {
            Assert.That(text.Zh, Does.Contain($"甲{name}"));
            Assert.That(text.En, Does.Contain($"A-{name}"));
        }
    }

    [Test]
    public void EveryLeadCodeNamesAModelFeature()
    {
        var features = LeadFeatures.Names.ToHashSet();
        var leadCodes = Codes().Where(c => c.StartsWith("lead.", StringComparison.Ordinal)).ToList();
        Assert.That(leadCodes.Select(c => c.Split('.')[1]).Where(f => !features.Contains(f)), Is.Empty);
    }

    [Test]
    public void NumbersTakeTheTemplatesFormatAndListsJoinAsEachLanguageJoinsThem()
    {
        var reason = Reason.Of("lead.segment_capacity_share", ("segment", new Words("电解铝", "Smelting")), ("share", 12.345));
        Assert.That(reason.Text, Is.EqualTo(new Words("占全国已记录电解铝产能的12.3%", "holds 12.3% of the recorded national Smelting capacity")));
        var places = Reason.Of("lead.segment_sites_elsewhere", ("segment", new Words("铝箔", "Foil")), ("provinces", new[] { "福建省", "云南省" }));
        Assert.That(places.Text, Is.EqualTo(new Words("已在福建省、云南省生产铝箔", "makes Foil in 福建省, 云南省")));
    }

    [Test]
    public void AStandingSitesAndAStageReadInEachLanguage()
    {
        var listed = Reason.Of("lead.group_on_list", ("group", "中国铝业集团"), ("standing", new Standing([new Words("世界500强 2024", "Fortune Global 500 2024")], 214)));
        Assert.That(listed.Text, Is.EqualTo(new Words("隶属中国铝业集团，位列世界500强 2024第214名", "part of 中国铝业集团, on Fortune Global 500 2024 (rank 214)")));
        var project = Reason.Of("lead.past_project_stage", ("region", "安宁市"), ("segment", new Words("电芯", "Cell")),
            ("stage", ProjectStage.InProduction), ("date", new DateOnly(2024, 6, 16)));
        Assert.That(project.Text.Zh, Is.EqualTo("此前在安宁市的项目（电芯）于2024-06-16进展到投产"));
        var sites = Reason.Of("lead.sites_in_province", ("province", "云南省"), ("sites", new[] { new SiteOf(new Words("磷酸铁", "Iron phosphate"), "安宁市") }));
        Assert.That(sites.Text, Is.EqualTo(new Words("已在云南省布局（安宁市磷酸铁）", "already in 云南省 (Iron phosphate in 安宁市)")));
    }

    [Test]
    public void AnUnknownCodeOrAMissingArgumentIsAnErrorNotABlank()
    {
        Assert.That(() => ReasonText.Render(Reason.Of("lead.no_such_rule"), Language.En), Throws.InstanceOf<KeyNotFoundException>());
        Assert.That(() => ReasonText.Render(Reason.Of("gap.high_value"), Language.Zh), Throws.InstanceOf<KeyNotFoundException>().With.Message.Contains("tier"));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
