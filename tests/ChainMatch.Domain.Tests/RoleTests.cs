using ChainMatch.Domain.Access;

namespace ChainMatch.Domain.Tests;

public class RoleTests
{
    [Test]
    public void A_role_name_is_parsed_exactly() =>
        Assert.That((Role.Parse("planner"), Role.Parse("Planner"), Role.Parse("plan"), Role.Parse(null)), Is.EqualTo((Role.Planner, (Role?)null, (Role?)null, (Role?)null)));

    [Test]
    public void Every_role_is_read_back_from_its_name() =>
        Assert.That(Role.All.Select(r => Role.Parse(r.Name)), Is.EqualTo(Role.All));

    [Test]
    public void Only_an_investment_key_or_an_admin_writes_projects() =>
        Assert.That(Role.All.Where(r => r.Allows(Permission.WriteProjects)), Is.EqualTo(new[] { Role.Investment, Role.Admin }));

    [Test]
    public void Only_an_investment_key_or_an_admin_reads_or_writes_contacts() =>
        Assert.That((Role.All.Where(r => r.Allows(Permission.ReadContacts)), Role.All.Where(r => r.Allows(Permission.WriteContacts))),
            Is.EqualTo((new[] { Role.Investment, Role.Admin }, new[] { Role.Investment, Role.Admin })));

    [Test]
    public void Only_a_chain_chiefs_key_names_its_chains() =>
        Assert.That(Role.All.Where(r => r.NamesChains), Is.EqualTo(new[] { Role.ChainChief }));
}
