using System.CommandLine;
using ChainMatch.Domain;

namespace ChainMatch.Cli;

/// <summary>Numbers on the command line follow the same rule as every other input (<see cref="Numbers"/>); a usage error otherwise.</summary>
static class NumberOptions
{
    public static Option<double?> AtLeast(this Option<double?> option, double min)
    {
        option.CustomParser = r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (Numbers.TryParse(text, out var value) && value >= min) return value;
            r.AddError($"{option.Name} must be {Numbers.Rule}, at least {min}, not '{text}'");
            return null;
        };
        return option;
    }

    public static Option<int?> Between(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } value && (value < min || value > max))
                r.AddError($"{option.Name} must be from {min} to {max}, not {value}");
        });
        return option;
    }
}
