using System.Globalization;
using System.Net.Http.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChainMatch.Api.Tests;

/// <summary>
/// Firms named as spreadsheet formulas, then every GET route that answers text/csv: no cell starts with = + - @, tab or
/// CR unless it is a plain number, and the names arrive with the leading quote that makes Excel show them as text.
/// </summary>
public sealed class CsvInjectionTests : ApiTest
{
    static readonly string[] Formulas = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1)"];

    [Test]
    public async Task Every_csv_route_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        string[] firms = ["smelter-co", "foil-co", "cell-co"];
        for (var i = 0; i < firms.Length; i++)
        {
            var put = await Client.PutAsJsonAsync($"/api/firms/{firms[i]}", new { name = Formulas[i], nameEn = "-" + Formulas[i], ownership = "private" });
            Assert.That(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var csvRoutes = new List<string>();
        var cells = new List<(string Route, string Cell)>();
        foreach (var endpoint in Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") != true) continue;
            var url = SampleRoutes.Fill("/" + endpoint.RoutePattern.RawText!.Trim('/'));
            using var response = await Client.GetAsync(url + "?format=csv&includeExcluded=true");
            if (response.Content.Headers.ContentType?.MediaType != "text/csv") continue;
            csvRoutes.Add(endpoint.RoutePattern.RawText!);
            using var parser = new CsvParser(new StringReader((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture));
            while (parser.Read()) cells.AddRange(parser.Record!.Select(c => (endpoint.RoutePattern.RawText!, c)));
        }

        Assert.That(csvRoutes, Has.Some.Contains("/leads").And.Some.Contains("/targets").And.Some.Contains("audit.csv"), "the walk missed a CSV route");
        var dangerous = cells.Where(c => c.Cell.Length > 0 && "=+-@\t\r".Contains(c.Cell[0])
            && !double.TryParse(c.Cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToList();
        Assert.That(dangerous, Is.Empty);
        Assert.That(cells.Select(c => c.Cell), Has.Some.StartsWith("'=HYPERLINK").Or.Some.StartsWith("'+cmd").Or.Some.StartsWith("'@SUM"),
            "no hostile name reached a CSV, so the check above proved nothing");
    }
}
