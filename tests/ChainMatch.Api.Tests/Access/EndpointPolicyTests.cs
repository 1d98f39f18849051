using System.Net;
using System.Text;
using ChainMatch.Api.Access;
using ChainMatch.Domain.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests.Access;

/// <summary>
/// Walks every endpoint the service maps with every role (and with no credentials) and checks allow or deny. The
/// table below is the access policy as written down; an endpoint missing from it, or one that names no permission,
/// fails the walk.
/// </summary>
public sealed class EndpointPolicyTests
{
    const string Anonymous = "anonymous";

    static readonly Dictionary<string, string> Policy = new()
    {
        ["GET /health"] = Anonymous,
        ["POST /api/session"] = Anonymous,
        ["DELETE /api/session"] = nameof(Permission.ReadMaps),
        ["GET /api/me"] = nameof(Permission.ReadMaps),
        ["GET /openapi/{documentName}.json"] = nameof(Permission.ReadMaps),
        ["GET /api/chains"] = nameof(Permission.ReadMaps),
        ["GET /api/chains/{chainId}"] = nameof(Permission.ReadMaps),
        ["GET /api/regions"] = nameof(Permission.ReadMaps),
        ["GET /api/firms/search"] = nameof(Permission.ReadMaps),
        ["GET /api/firms/{firmId}"] = nameof(Permission.ReadMaps),
        ["PUT /api/firms/{firmId}"] = nameof(Permission.Administer),
        ["POST /api/firms/{firmId}/presences"] = nameof(Permission.Administer),
        ["GET /api/chains/{chainId}/status/{regionCode}"] = nameof(Permission.ReadMaps),
        ["GET /api/chains/{chainId}/status/{regionCode}.svg"] = nameof(Permission.ReadMaps),
        ["GET /api/chains/{chainId}/status/{regionCode}.png"] = nameof(Permission.ReadMaps),
        ["GET /api/regions/{regionCode}/gaps"] = nameof(Permission.ReadMaps),
        ["GET /api/regions/{regionCode}/gap-changes"] = nameof(Permission.ReadMaps),
        ["GET /api/regions/{regionCode}/segments/{segmentId}/leads"] = nameof(Permission.ReadLeads),
        ["GET /api/regions/{regionCode}/targets"] = nameof(Permission.ReadLeads),
        ["GET /api/regions/{regionCode}/targets.xlsx"] = nameof(Permission.ReadLeads),
        ["GET /api/lists/families"] = nameof(Permission.ReadMaps),
        ["POST /api/lists/{listId}/editions/{year:int}"] = nameof(Permission.Administer),
        ["GET /api/negative-list"] = nameof(Permission.ReadLeads),
        ["POST /api/negative-list"] = nameof(Permission.Administer),
        ["GET /api/projects"] = nameof(Permission.ReadProjects),
        ["GET /api/projects/pipeline"] = nameof(Permission.ReadProjects),
        ["GET /api/projects/duplicates"] = nameof(Permission.WriteProjects),
        ["GET /api/projects/{projectId}"] = nameof(Permission.ReadProjects),
        ["POST /api/projects"] = nameof(Permission.WriteProjects),
        ["POST /api/projects/import"] = nameof(Permission.Administer),
        ["POST /api/projects/{projectId}/stages"] = nameof(Permission.WriteProjects),
        ["POST /api/projects/{projectId}/problems"] = nameof(Permission.WriteProjects),
        ["POST /api/projects/{projectId}/problems/{problemId}/close"] = nameof(Permission.WriteProjects),
        ["GET /api/problems/overdue"] = nameof(Permission.ReadProjects),
        ["GET /api/projects/overdue"] = nameof(Permission.ReadProjects),
        ["POST /api/projects/{projectId}/key-proposals"] = nameof(Permission.WriteProjects),
        ["POST /api/projects/{projectId}/key-review"] = nameof(Permission.ReviewKeyProjects),
        ["POST /api/projects/{projectId}/due-dates"] = nameof(Permission.WriteProjects),
        ["GET /api/chains/{chainId}/workspace"] = nameof(Permission.ReadChainWork),
        ["POST /api/chains/{chainId}/plans"] = nameof(Permission.WriteChainPlan),
        ["POST /api/simulations/anchor"] = nameof(Permission.Simulate),
        ["POST /api/simulations/anchor/map.svg"] = nameof(Permission.Simulate),
        ["POST /api/simulations/compare"] = nameof(Permission.Simulate),
        ["GET /api/chains/{chainId}/anchors/{regionCode}"] = nameof(Permission.Simulate),
        ["GET /api/coordination/conflicts"] = nameof(Permission.Coordinate),
        ["GET /api/dashboard"] = nameof(Permission.ReadProjects),
        ["GET /api/dashboard/prefectures"] = nameof(Permission.ReadMaps),
        ["GET /api/dashboard/boundary"] = nameof(Permission.ReadMaps),
        ["GET /api/crm/contacts"] = nameof(Permission.ReadContacts),
        ["GET /api/crm/contacts.csv"] = nameof(Permission.ReadContacts),
        ["POST /api/crm/contacts"] = nameof(Permission.WriteContacts),
        ["POST /api/crm/contacts/import"] = nameof(Permission.WriteContacts),
        ["GET /api/crm/interactions"] = nameof(Permission.ReadContacts),
        ["GET /api/crm/interactions.csv"] = nameof(Permission.ReadContacts),
        ["POST /api/crm/interactions"] = nameof(Permission.WriteContacts),
        ["POST /api/crm/interactions/import"] = nameof(Permission.WriteContacts),
        ["GET /api/crm/events"] = nameof(Permission.ReadContacts),
        ["POST /api/crm/events"] = nameof(Permission.WriteContacts),
        ["GET /api/crm/events.csv"] = nameof(Permission.ReadContacts),
        ["POST /api/crm/events/import"] = nameof(Permission.WriteContacts),
        ["GET /api/crm/stale"] = nameof(Permission.ReadContacts),
        ["GET /api/firms/{firmId}/lead-segments"] = nameof(Permission.WriteProjects),
        ["PUT /api/crm/contacts/{contactId}"] = nameof(Permission.WriteContacts),
        ["DELETE /api/crm/contacts/{contactId}"] = nameof(Permission.WriteContacts),
        ["GET /api/dashboard/list"] = nameof(Permission.ReadProjects),
        ["GET /api/dashboard/trend"] = nameof(Permission.ReadMaps),
        ["GET /api/regions/{regionCode}/bulletin"] = nameof(Permission.ReadProjects),
        ["GET /api/audit"] = nameof(Permission.Administer),
        ["GET /api/audit.csv"] = nameof(Permission.Administer),
    };

    static readonly Dictionary<string, string> Sample = new()
    {
        ["{chainId}"] = "battery", ["{regionCode}"] = "530100", ["{segmentId}"] = "foil", ["{firmId}"] = "foil-co",
        ["{projectId}"] = "foil-for-kunming", ["{problemId}"] = "problem-1", ["{listId}"] = "test-500", ["{year:int}"] = "2024",
        ["{documentName}"] = "v1",
    };

    ChainMatchApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new ChainMatchApp(SeedFolder.Fixture("mini-seeds"));

    [OneTimeTearDown]
    public void Stop()
    {
        _app.Dispose();
        _app.DeleteData();
    }

    static string Name(RouteEndpoint e) =>
        $"{e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Single()} {("/" + e.RoutePattern.RawText!.Trim('/')).TrimEnd('/')}";

    List<RouteEndpoint> Endpoints()
    {
        _app.CreateClient().Dispose();
        return _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    [Test]
    public void Every_endpoint_names_its_permission_and_is_in_the_policy_table()
    {
        var endpoints = Endpoints();
        Assert.Multiple(() =>
        {
            foreach (var e in endpoints)
            {
                var name = Name(e);
                var declared = e.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Anonymous : e.Metadata.GetMetadata<RequiresPermission>()?.Permission.ToString();
                Assert.That(declared, Is.Not.Null, $"{name} declares no permission: add .Require(Permission.…) or .AllowAnonymous()");
                Assert.That(Policy.TryGetValue(name, out var expected) ? expected : null, Is.EqualTo(declared), $"{name}: not as the policy table says");
            }
            Assert.That(Policy.Keys.Except(endpoints.Select(Name)), Is.Empty, "endpoints in the policy table that the service no longer maps");
        });
    }

    [Test]
    public async Task Every_role_is_allowed_or_denied_on_every_endpoint_as_its_permissions_say()
    {
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = _app.ClientAs(null) };
        foreach (var role in Role.All) clients[role.Name] = _app.ClientAs(role, "*");
        var failures = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var name = Name(endpoint);
            var (method, path) = (name.Split(' ')[0], Sample.Aggregate(name.Split(' ')[1], (p, kv) => p.Replace(kv.Key, kv.Value)));
            foreach (var (who, client) in clients)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                // The body each endpoint declares it takes (routing answers 415 to any other before authorisation runs).
                var contentType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json";
                if (method is "POST" or "PUT") request.Content = new StringContent(contentType == "application/json" ? "{}" : "a,b\n", Encoding.UTF8, contentType);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var permission = Policy[name];
                string expected;
                bool ok;
                if (permission == Anonymous) (expected, ok) = ("not 403", status != 403);
                else if (who == Anonymous && !path.StartsWith("/api")) (expected, ok) = ("redirect to the login page", response.StatusCode == HttpStatusCode.Redirect);
                else if (who == Anonymous) (expected, ok) = ("401", status == 401);
                else if (Role.Parse(who)?.Allows(Enum.Parse<Permission>(permission)) == true) (expected, ok) = ("allowed", status is not (401 or 403));
                else (expected, ok) = ("403", status == 403);
                if (!ok) failures.Add($"{name} as {who}: expected {expected}, got {status}");
            }
        }
        foreach (var c in clients.Values) c.Dispose();
        Assert.That(failures, Is.Empty);
    }
}
