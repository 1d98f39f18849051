using System.CommandLine;
using ChainMatch.Domain;

namespace ChainMatch.Cli;

/// <summary>Numbers on the command line follow the same rule as every other input (<see cref="Numbers"/>); a usage error otherwise.</summary>
static class NumberOptions
{
    public static Option<double?> AtLeast(this Option<double?> option, double min)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && (!Numbers.IsAcceptable(v) || v < min))
                r.AddError($"{option.Name} must be {Numbers.Rule}, at least {min}");
        });
        return option;
    }
}
