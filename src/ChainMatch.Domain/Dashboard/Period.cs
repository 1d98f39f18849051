namespace ChainMatch.Domain.Dashboard;

/// <summary>A reporting period, both ends included.</summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    /// <summary>The same days one year earlier: the comparison every bureau report carries (同比).</summary>
    public Period PreviousYear() => new(From.AddYears(-1), To.AddYears(-1));

    public bool Contains(DateOnly date) => From <= date && date <= To;
}
