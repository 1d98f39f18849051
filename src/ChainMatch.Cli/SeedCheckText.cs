using System.Globalization;
using System.Text;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Cli;

/// <summary>The seed-check report as plain text, one fact a line.</summary>
static class SeedCheckText
{
    public static string Format(string folder, SeedCheckReport r)
    {
        var text = new StringBuilder();
        text.AppendLine($"{folder}: seed check");
        text.AppendLine($"firms: {r.Firms} ({r.FirmsWithoutSource} without a source)");
        text.AppendLine($"presences: {r.Presences}");
        text.AppendLine($"Yunnan plants (county or park level): {r.YunnanPlants}; with capacity {Share(r.YunnanPlantsWithCapacity, r.YunnanPlants)}, " +
            $"with start year {Share(r.YunnanPlantsWithStart, r.YunnanPlants)}, with both {Share(r.YunnanPlantsWithBoth, r.YunnanPlants)}");
        text.AppendLine($"sourced rows (firms, presences, supplies, memberships, resources, constraints, projects): {r.SourcedRows}; " +
            $"with an address {Share(r.RowsWithAddress, r.SourcedRows)}; marked estimate {Share(r.EstimateRows, r.SourcedRows)}");
        text.AppendLine($"firms with no plant: {r.FirmsWithoutPlant.Length}");
        foreach (var firm in r.FirmsWithoutPlant) text.AppendLine($"  {firm}");
        text.AppendLine($"warnings: {r.Warnings.Length}");
        foreach (var w in r.Warnings) text.AppendLine($"  {w}");
        text.AppendLine($"rules broken: {r.Errors.Length}");
        foreach (var e in r.Errors) text.AppendLine($"  {e}");
        return text.ToString();
    }

    static string Share(int part, int whole) =>
        whole == 0 ? $"{part}/0" : string.Create(CultureInfo.InvariantCulture, $"{part}/{whole} ({100.0 * part / whole:0.#} %)");
}
