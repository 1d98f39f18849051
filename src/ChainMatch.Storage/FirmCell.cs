using ChainMatch.Domain.Firms;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage.Lists;

namespace ChainMatch.Storage;

/// <summary>The firm cell of an imported file (projects, contacts): a firm's id, or a name or alias that names one firm.</summary>
static class FirmCell
{
    /// <summary>The firm the cell names, or null with the row's error added (missing, ambiguous, unknown).</summary>
    public static FirmId? Resolve(ChainGraph graph, FirmMatcher matcher, string? text, int line, List<RowError> errors)
    {
        if (text is null)
        {
            errors.Add(new RowError(line, "firm", "required"));
            return null;
        }
        if (graph.FindFirm(new FirmId(text)) is { } byId) return byId.Id;
        var match = matcher.Match(text);
        if (match.Firm is { } firm) return firm;
        errors.Add(new RowError(line, "firm", match.Kind == MatchKind.Ambiguous
            ? $"'{text}' could be {string.Join(" or ", match.Firms)}: use the firm's id"
            : $"no firm is called '{text}': add it first (PUT /api/firms/{{id}} or chainmatch firm set)"));
        return null;
    }
}
