using System.Collections.Immutable;
using System.Text.Json;
using ChainMatch.Domain;
using ChainMatch.Domain.Projects;

namespace ChainMatch.Storage.Neo4j;

/// <summary>A project's stage history as the JSON text a Project node holds.</summary>
static class ProjectHistory
{
    static readonly JsonSerializerOptions Options = ReportJson.Options;

    public static string ToJson(ImmutableArray<StageChange> history) => JsonSerializer.Serialize(history, Options);

    public static ImmutableArray<StageChange> FromJson(string json) =>
        JsonSerializer.Deserialize<ImmutableArray<StageChange>>(json, Options);
}
