using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage;

/// <summary>The firm cell of an imported file (projects, contacts, events): a firm's id, or a name or alias that names one firm.</summary>
static class FirmCell
{
    /// <summary>The firm the row's <c>firm</c> cell names, or null with the row's error added (missing, ambiguous, unknown).</summary>
    public static FirmId? Resolve(ChainGraph graph, FirmMatcher matcher, CsvRows.Row row)
    {
        if (row.Cell("firm") is not { } text)
        {
            row.Fail("firm", "required");
            return null;
        }
        return Resolve(graph, matcher, text, reason => row.Fail("firm", reason));
    }

    /// <summary>The firm <paramref name="text"/> names, or null after telling <paramref name="fail"/> why none is.</summary>
    public static FirmId? Resolve(ChainGraph graph, FirmMatcher matcher, string text, Action<string> fail)
    {
        if (graph.FindFirm(new FirmId(text)) is { } byId) return byId.Id;
        var match = matcher.Match(text);
        if (match.Firm is { } firm) return firm;
        fail(match.Kind == MatchKind.Ambiguous
            ? $"'{text}' could be {string.Join(" or ", match.Firms)}: use the firm's id"
            : $"no firm is called '{text}': add it first (PUT /api/firms/{{id}} or chainmatch firm set)");
        return null;
    }
}
