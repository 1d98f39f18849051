using ChainMatch.Domain;
using System.Text.RegularExpressions;
using ChainMatch.Domain.Graph;

namespace ChainMatch.Domain.Firms;

/// <summary>
/// Checks of a firm or presence someone adds or corrects, against the graph: every problem, keyed by the field it
/// is about, so that the API can answer 400 naming it and the CLI can print it.
/// </summary>
public static partial class FirmEdits
{
    public static Dictionary<string, string[]> Check(ChainGraph graph, Firm firm)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Slug().IsMatch(firm.Id.Value)) errors["id"] = [$"'{firm.Id}' is not an id: use lower-case words joined by '-'"];
        if (string.IsNullOrWhiteSpace(firm.Name)) errors["name"] = ["a firm needs a name"];
        if (firm.Headquarters is { } hq && graph.FindRegion(hq) is null) errors["headquarters"] = [$"unknown region '{hq}'"];
        if (firm.Uscc is { } code && !Uscc().IsMatch(code)) errors["uscc"] = [$"'{code}' is not an 18-character unified social credit code"];
        if (firm.Ownership is { } o && !Ownerships.Contains(o)) errors["ownership"] = [$"ownership must be one of {string.Join(", ", Ownerships)}"];
        if (firm.Aliases.Any(a => string.IsNullOrWhiteSpace(a) || a.Contains('\n'))) errors["aliases"] = ["an alias is one line of text"];
        var clashes = firm.Aliases.Append(firm.Name)
            .Select(a => (Alias: a, Firms: graph.FirmsByName.Naming(a).Where(id => id != firm.Id).ToList()))
            .Where(x => x.Firms.Count > 0).ToList();
        if (clashes.Count > 0)
            errors["aliases"] = [.. clashes.Select(c => $"'{c.Alias}' already names firm {string.Join(", ", c.Firms)}: matching would become ambiguous")];
        return errors;
    }

    public static Dictionary<string, string[]> Check(ChainGraph graph, Presence presence)
    {
        var errors = new Dictionary<string, string[]>();
        if (graph.FindFirm(presence.Firm) is null) errors["firm"] = [$"unknown firm '{presence.Firm}'"];
        if (graph.FindSegment(presence.Segment) is null) errors["segment"] = [$"unknown segment '{presence.Segment}'"];
        if (graph.FindRegion(presence.Region) is null) errors["region"] = [$"unknown region '{presence.Region}'"];
        if (presence.Capacity is { } c && (c.Amount < 0 || !Numbers.IsAcceptable(c.Amount) || string.IsNullOrWhiteSpace(c.Unit)))
            errors["capacity"] = [$"capacity is a non-negative amount up to {Numbers.Limit:0e0} with a unit, e.g. 200000 t/yr"];
        if (presence.Since is < 1800 or > 2100) errors["since"] = [$"since must be a year, not {presence.Since}"];
        if (presence.Until is < 1800 or > 2100) errors["until"] = [$"until must be a year, not {presence.Until}"];
        else if (presence.Until is { } end && presence.Since is null) errors["until"] = [$"until ({end}) needs since: a presence that ended began in a known year"];
        if (presence.Since is { } s && presence.Until is { } u && u <= s) errors["until"] = [$"until ({u}) must be after since ({s})"];
        return errors;
    }

    static readonly string[] Ownerships = ["central-soe", "local-soe", "private", "foreign", "mixed"];

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")]
    private static partial Regex Uscc();
}
