using System.Collections.Immutable;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Storage;

/// <summary>A project's problems as the JSON text both stores keep beside the project (null when there are none).</summary>
static class ProblemsJson
{
    public static string? Write(ImmutableArray<ProjectProblem> problems) =>
        problems.IsDefaultOrEmpty ? null : JsonSerializer.Serialize(problems, ReportJson.Options);

    public static ImmutableArray<ProjectProblem> Read(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<ImmutableArray<ProjectProblem>>(json, ReportJson.Options);
}
