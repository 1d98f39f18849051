using ChainMatch.Api.Access;
using ChainMatch.Api.Chains;
using ChainMatch.Api.Exports;
using ChainMatch.Api.Firms;
using ChainMatch.Api.Gaps;
using ChainMatch.Api.Graph;
using ChainMatch.Api.Infrastructure;
using ChainMatch.Api.Leads;
using ChainMatch.Api.Maps;
using ChainMatch.Api.Compliance;
using ChainMatch.Api.Contacts;
using ChainMatch.Api.Dashboard;
using ChainMatch.Api.Projects;
using ChainMatch.Api.Lists;
using ChainMatch.Api.Regions;
using ChainMatch.Api.Simulation;
using ChainMatch.Api.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddChainMatchApi();
builder.Services.AddChainMatchGraph();
builder.Services.AddChainMatchLeads();
builder.Services.AddChainMatchDashboard();

var app = builder.Build();
app.UseChainMatchApi();
app.UseChainMatchWebUi();
app.UseChainMatchEndpoints();
app.MapHealthApi();
app.MapSessionApi();
app.MapAuditApi();
app.MapChainsApi();
app.MapRegionsApi();
app.MapFirmsApi();
app.MapGapsApi();
app.MapLeadsApi();
app.MapMapsApi();
app.MapExportsApi();
app.MapListsApi();
app.MapNegativeListApi();
app.MapProjectsApi();
app.MapProblemsApi();
app.MapSimulationApi();
app.MapDashboardApi();
app.MapContactsApi();
app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
