namespace ChainMatch.Domain.Contacts;

/// <summary>Ids for records the caller did not name: <c>{prefix}-N</c>, the first N past every one taken.</summary>
public sealed class ContactIds(IEnumerable<string> taken, string prefix = "contact")
{
    readonly HashSet<string> _taken = [.. taken];
    int _n = taken.Count();

    /// <summary>An id the caller named: never handed out by <see cref="Next"/>.</summary>
    public void Reserve(string id) => _taken.Add(id);

    public string Next()
    {
        string id;
        do id = $"{prefix}-{++_n}"; while (!_taken.Add(id));
        return id;
    }
}
