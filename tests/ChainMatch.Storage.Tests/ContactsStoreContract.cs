using System.Text.Json;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Storage.Tests;

/// <summary>What every graph store promises for the 客商库: contacts, interactions and promotion events are kept with the graph.</summary>
public abstract partial class GraphStoreContract
{
    static readonly Contact Li = new("li-wei", new FirmId("cell-co"), new RegionCode("530100"), "李伟", "副总经理", "+86 871 6123 4567", "li.wei@example.com",
        "昆明市投资促进局", "2025-03-02 名片交换时口头同意联系", new DateOnly(2025, 3, 2));

    static readonly Interaction Visit = new("visit-1", InteractionKind.Visit, new DateOnly(2025, 3, 5), new FirmId("cell-co"), new RegionCode("530100"), "li-wei",
        "foil-for-kunming", "王芳、赵强", "谈箔材配套，企业关注绿电价格", "四月报送电价方案", "昆明市投资促进局");

    static readonly PromotionEvent Fair = new("fair-2025", "2025 新能源电池产业推介会", new DateOnly(2025, 4, 10), "昆明滇池会议中心", new RegionCode("530100"),
        [new FirmId("cell-co"), new FirmId("foil-co")], "昆明市投资促进局", null);

    [Test]
    public async Task ContactsInteractionsAndEventsComeBackAsWritten()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.WriteAsync(GraphData.Empty with { Contacts = [Li], Interactions = [Visit], PromotionEvents = [Fair] }, null);

        var loaded = await store.LoadAsync();
        Assert.That(JsonSerializer.Serialize(new { loaded.Contacts, loaded.Interactions, loaded.PromotionEvents }),
            Is.EqualTo(JsonSerializer.Serialize(new { Contacts = new[] { Li }, Interactions = new[] { Visit }, PromotionEvents = new[] { Fair } })));
    }

    [Test]
    public async Task AContactWrittenAgainWithItsIdIsReplacedInItsPlaceAsOneRow()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        var other = Li with { Id = "zhang-min", Name = "张敏" };
        await store.WriteAsync(GraphData.Empty with { Contacts = [Li, other] }, null);

        var report = await store.WriteAsync(GraphData.Empty with { Contacts = [Li with { Phone = null, Title = "总经理" }] }, null);

        var contacts = (await store.LoadAsync()).Contacts;
        Assert.That((report.Total, contacts.Select(c => c.Id), contacts[0].Phone, contacts[0].Title),
            Is.EqualTo((1, new[] { "li-wei", "zhang-min" }, (string?)null, "总经理")));
    }

    [Test]
    public async Task AnEventWithNoFirmMetComesBackWithAnEmptyList()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.WriteAsync(GraphData.Empty with { PromotionEvents = [Fair with { Firms = [] }] }, null);
        Assert.That((await store.LoadAsync()).PromotionEvents.Single().Firms, Is.Empty);
    }

    [Test]
    public async Task AContactEditedComesBackEditedInItsPlace()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.WriteAsync(GraphData.Empty with { Contacts = [Li, Li with { Id = "zhang-min", Name = "张敏" }] }, null);

        await store.WriteAsync(GraphData.Empty with { Contacts = [Li.Edit("总经理", null, "li@example.org", "曲靖市投资促进局", "2025-06-01 书面同意")] }, null);

        var contacts = (await Open().LoadAsync()).Contacts;
        Assert.That(contacts.Select(c => (c.Id, c.Title, c.Phone, c.Email, c.OwnerTeam)), Is.EqualTo(new[]
        {
            ("li-wei", (string?)"总经理", (string?)null, (string?)"li@example.org", "曲靖市投资促进局"),
            ("zhang-min", (string?)"副总经理", (string?)"+86 871 6123 4567", (string?)"li.wei@example.com", "昆明市投资促进局"),
        }));
    }

    [Test]
    public async Task AContactRemovedComesBackWithoutItsPersonalDataAndItsInteractionsStillNameIt()
    {
        var store = await OpenAsync();
        await store.ImportAsync(Seeds);
        await store.WriteAsync(GraphData.Empty with { Contacts = [Li], Interactions = [Visit] }, null);

        await store.WriteAsync(GraphData.Empty with { Contacts = [Li.Remove(new DateOnly(2025, 7, 1))] }, null);

        var loaded = await Open().LoadAsync();
        var removed = loaded.Contacts.Single();
        Assert.That((removed.Id, removed.Name, removed.Title, removed.Phone, removed.Email, removed.ConsentNote, removed.Removed, loaded.Interactions.Single().Contact),
            Is.EqualTo(("li-wei", "", (string?)null, (string?)null, (string?)null, "", (DateOnly?)new DateOnly(2025, 7, 1), (string?)"li-wei")));
    }
}
