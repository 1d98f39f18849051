using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainMatch.Web.Tests;

public sealed class TargetsWorkbookTests
{
    [Test]
    public async Task TheTargetListWorkbookOpensWithTheChineseNamesIntact()
    {
        using var http = WebSession.Service.AdminClient();
        var response = await http.GetAsync("/api/regions/530100/targets.xlsx?asOf=2024");
        var csv = await http.GetStringAsync("/api/regions/530100/targets?asOf=2024&format=csv");

        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, isEditable: false);
        var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        var names = rows.Skip(1).Select(r => r.Elements<Cell>().ElementAt(1).InnerText).ToList();
        Assert.That(names, Does.Contain("铝箔公司"));
        // One row per target, as in the CSV of the same list (header line and trailing newline aside).
        Assert.That(rows.Count - 1, Is.EqualTo(csv.TrimEnd('\n', '\r').Split('\n').Length - 1));
    }

    [Test]
    public async Task AnInvalidFilterIsABadRequestNamingIt()
    {
        using var http = WebSession.Service.AdminClient();
        var response = await http.GetAsync("/api/regions/530100/targets.xlsx?perGap=0");

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("perGap"));
    }
}
