using ChainMatch.Domain;
using System.Text.Json;
using ChainMatch.Ranking.Leads;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ChainMatch.Api.Exports;

/// <summary>A target list as an Excel workbook: one sheet, a frozen header row with a filter, text stored as Unicode so Chinese names open intact.</summary>
public static class TargetsWorkbook
{
    static readonly (string Header, double Width)[] Columns =
    [
        ("企业ID firm_id", 22), ("企业名称 name", 34), ("英文名称 name_en", 30), ("总部 headquarters", 14), ("营业收入(亿元) revenue", 14),
        ("榜单 lists", 30), ("得分 score", 10), ("适合的缺口 gaps", 50), ("缺口类型 best_gap_kind", 14), ("缺口优先级 best_gap_priority", 12),
        ("理由 reasons", 80), ("理由（英文） reasons_en", 80), ("负面清单 excluded_by", 30),
    ];

    public static byte[] Write(TargetList list)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(1, Columns.Select(c => (object?)c.Header)));
            var index = 2u;
            foreach (var t in list.Targets)
                data.Append(Row(index++, LeadCsv.TargetRow(t)));

            // Element order is fixed by the schema: views, columns, data, filter.
            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane
                {
                    VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                }) { WorkbookViewId = 0 }),
                new DocumentFormat.OpenXml.Spreadsheet.Columns(Columns.Select((c, i) =>
                    new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{ColumnName(Columns.Length)}{Math.Max(1, index - 1)}" });

            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(list) });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and no []:*?/\ in a sheet name.</summary>
    static string SheetName(TargetList list)
    {
        var name = new string(TextRules.Strip($"{list.RegionName} 目标企业").Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray());
        return name.Length <= 31 ? name : name[..31];
    }

    static Row Row(uint index, IEnumerable<object?> values)
    {
        var row = new Row { RowIndex = index };
        foreach (var (value, i) in values.Select((v, i) => (v, i)))
        {
            var reference = $"{ColumnName(i + 1)}{index}";
            row.Append(value switch
            {
                null => new Cell { CellReference = reference },
                int n => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) },
                double d when !double.IsFinite(d) => new Cell { CellReference = reference },
                double d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                _ => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    // XML cannot hold control characters: a value stored before the input rule must not fail the workbook.
                    InlineString = new InlineString(new Text(TextRules.Strip(value.ToString()!)) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }
}
