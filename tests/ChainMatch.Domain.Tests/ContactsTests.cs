using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Domain.Tests;

public class ContactsTests
{
    static readonly DateOnly Today = new(2025, 6, 30);
    static readonly FirmId F = new("f");

    static Project Lead(string id, string region, ProjectStage stage, string date) =>
        new(id, F, new SegmentId("cell"), new RegionCode(region), "bureau", [new StageChange(ProjectStage.Lead, new DateOnly(2025, 1, 1)), .. stage == ProjectStage.Lead ? Array.Empty<StageChange>() : [new StageChange(stage, DateOnly.Parse(date))]],
            new Provenance("test", null));

    static Interaction Visit(string region, string date) =>
        new($"visit-{region}-{date}", InteractionKind.Visit, DateOnly.Parse(date), F, new RegionCode(region), null, null, "王芳", "回访", null, "bureau");

    static ChainGraph Graph(Project[] projects, Interaction[]? interactions = null, PromotionEvent[]? events = null) =>
        ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell").Firm("f", @in: "cell", at: "350900").Data() with
        {
            Projects = [.. projects], Interactions = [.. interactions ?? []], PromotionEvents = [.. events ?? []],
        });

    static IEnumerable<string> Stale(ChainGraph graph, int days = 30) => StaleTargets.Of(graph, graph.Data.Projects, Today, days).Select(s => s.Project.Id);

    [Test]
    public void A_lead_untouched_for_thirty_days_is_stale_and_one_touched_twenty_nine_days_ago_is_not()
    {
        var graph = Graph([Lead("cold", "530100", ProjectStage.Contacted, "2025-05-31"), Lead("warm", "530100", ProjectStage.Contacted, "2025-06-01")]);
        Assert.That(Stale(graph), Is.EqualTo(new[] { "cold" }));
    }

    [Test]
    public void A_signed_or_lost_project_is_never_stale()
    {
        var graph = Graph([Lead("signed", "530100", ProjectStage.Signed, "2025-01-02"), Lead("lost", "530100", ProjectStage.Lost, "2025-01-02")]);
        Assert.That(Stale(graph), Is.Empty);
    }

    [Test]
    public void A_visit_in_the_prefecture_above_touches_a_countys_lead_but_one_in_another_prefecture_does_not()
    {
        var graph = Graph([Lead("anning", "530181", ProjectStage.Lead, "")], [Visit("530300", "2025-06-20")]);
        Assert.That(Stale(graph), Is.EqualTo(new[] { "anning" }));
        graph = Graph([Lead("anning", "530181", ProjectStage.Lead, "")], [Visit("530100", "2025-06-20")]);
        Assert.That(StaleTargets.Of(graph, graph.Data.Projects, Today, 30), Is.Empty);
    }

    [Test]
    public void A_promotion_event_where_the_firm_was_met_is_a_touch_and_says_so()
    {
        var fair = new PromotionEvent("fair", "推介会", new DateOnly(2025, 5, 1), "昆明", new RegionCode("530000"), [F], "province", null);
        var graph = Graph([Lead("anning", "530181", ProjectStage.Lead, "")], events: [fair]);
        var stale = StaleTargets.Of(graph, graph.Data.Projects, Today, 30).Single();
        Assert.That((stale.LastTouch, stale.LastTouchBy, stale.Days), Is.EqualTo((new DateOnly(2025, 5, 1), "event:fair", 60)));
    }

    [Test]
    public void A_contact_needs_a_consent_note() =>
        Assert.That(() => Contact.Create("c", F, new RegionCode("530100"), "李伟", null, null, null, "bureau", " ", Today),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("consentNote"));

    [TestCase("0871-6123 4567", true)]
    [TestCase("+86 (871) 61234567", true)]
    [TestCase("call me", false)]
    [TestCase("=1+1", false)]
    public void A_phone_is_digits_with_separators(string phone, bool valid)
    {
        string? refused = null;
        try
        {
            Contact.Create("c", F, new RegionCode("530100"), "李伟", null, phone, null, "bureau", "同意", Today);
        }
        catch (InvalidValueException e)
        {
            refused = e.Field;
        }
        Assert.That(refused, Is.EqualTo(valid ? null : "phone"));
    }

    [Test]
    public void An_interaction_for_a_project_of_another_region_is_refused_naming_the_project()
    {
        var project = Lead("p", "530300", ProjectStage.Lead, "");
        Assert.That(() => Interaction.Create("i", InteractionKind.Call, Today, F, new RegionCode("530100"), null, project, "王芳", "n", null, "bureau", Today),
            Throws.TypeOf<InvalidValueException>().With.Property(nameof(InvalidValueException.Field)).EqualTo("project"));
    }

    [Test]
    public void An_interaction_naming_a_contact_the_graph_does_not_hold_does_not_project()
    {
        var orphan = Visit("530100", "2025-06-01") with { Contact = "nobody" };
        Assert.That(() => Graph([], [orphan]), Throws.TypeOf<GraphIntegrityException>());
    }
}

public class ContactEditsTests
{
    static readonly Contact Li = Contact.Create("li-wei", new FirmId("f"), new RegionCode("530100"), "李伟", "副总经理", "+86 871 6123 4567", "li.wei@example.com",
        "昆明市投资促进局", "2025-03-02 同意联系", new DateOnly(2025, 3, 2));

    [Test]
    public void An_edit_replaces_title_phone_email_team_and_consent_and_keeps_the_person()
    {
        var edited = Li.Edit("总经理", null, "li@example.org", "曲靖市投资促进局", "2025-06-01 书面同意");
        Assert.That((edited.Name, edited.Title, edited.Phone, edited.Email, edited.OwnerTeam, edited.ConsentNote, edited.Added),
            Is.EqualTo(("李伟", (string?)"总经理", (string?)null, (string?)"li@example.org", "曲靖市投资促进局", "2025-06-01 书面同意", new DateOnly(2025, 3, 2))));
    }

    [Test]
    public void An_edit_that_drops_the_consent_note_is_refused_naming_it()
    {
        var e = Assert.Throws<InvalidValueException>(() => Li.Edit("总经理", null, null, "昆明市投资促进局", " "));
        Assert.That(e!.Field, Is.EqualTo("consentNote"));
    }

    [Test]
    public void A_removed_contact_keeps_nothing_personal()
    {
        var removed = Li.Remove(new DateOnly(2025, 7, 1));
        Assert.That((removed.Name, removed.Title, removed.Phone, removed.Email, removed.ConsentNote, removed.Removed),
            Is.EqualTo(("", (string?)null, (string?)null, (string?)null, "", (DateOnly?)new DateOnly(2025, 7, 1))));
    }

    [Test]
    public void A_removed_contact_can_be_neither_edited_nor_removed_again()
    {
        var removed = Li.Remove(new DateOnly(2025, 7, 1));
        Assert.Throws<ContactRemovedException>(() => removed.Edit("总经理", null, null, "t", "c"));
        Assert.Throws<ContactRemovedException>(() => removed.Remove(new DateOnly(2025, 7, 2)));
    }

    [Test]
    public void A_removed_contact_is_no_longer_listed_but_an_interaction_naming_it_still_stands()
    {
        var visit = new Interaction("visit-1", InteractionKind.Visit, new DateOnly(2025, 3, 5), new FirmId("f"), new RegionCode("530100"), "li-wei", null, "王芳", "回访", null, "bureau");
        var graph = ChainGraph.Build(new ChainGraphBuilder().Chain("battery", "cell").Firm("f", @in: "cell", at: "530100").Data() with
        {
            Contacts = [Li.Remove(new DateOnly(2025, 7, 1))], Interactions = [visit],
        });
        Assert.That((ContactBook.Contacts(graph, null, new FirmId("f"), null).Count(), ContactBook.Interactions(graph, null, new FirmId("f"), null).Single().Contact),
            Is.EqualTo((0, (string?)"li-wei")));
    }

    [Test]
    public void The_audit_trace_of_a_contact_holds_no_personal_field()
    {
        var trace = System.Text.Json.JsonSerializer.Serialize(Li.Trace(), new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.That(trace, Does.Not.Contain("李伟").And.Not.Contain("871").And.Not.Contain("example").And.Not.Contain("同意").And.Contain("li-wei"));
    }
}
