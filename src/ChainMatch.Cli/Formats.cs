using System.CommandLine;

namespace ChainMatch.Cli;

static class Formats
{
    public const string Json = "json", Table = "table", Csv = "csv";

    public static Option<string> Option()
    {
        var option = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => Table };
        option.AcceptOnlyFromAmong(Json, Table);
        return option;
    }
}
