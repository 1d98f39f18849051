using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChainMatch.Storage.Neo4j;

/// <summary>Which failures are worth retrying and count against the circuit breaker, and how to say what went wrong.</summary>
static class Neo4jFailures
{
    /// <summary>
    /// Connection errors, timeouts, gateways' 502/503/504 and Neo4j's <c>Neo.TransientError.*</c> codes.
    /// Never client errors (syntax, constraint, auth): the same request would fail the same way.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        Neo4jException n => n.IsTransient,
        HttpRequestException or IOException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>One line for logs, health and problem details: what failed, without a stack trace.</summary>
    public static string Describe(Exception? e) => e switch
    {
        null => "no error recorded",
        TimeoutRejectedException t => $"no answer within {t.Timeout.TotalSeconds:0.###} s",
        BrokenCircuitException b => $"the circuit is open after repeated failures{(b.RetryAfter is { } after ? $"; next try in {after.TotalSeconds:0.#} s" : "")}",
        HttpRequestException h when h.InnerException is { } inner => $"{h.Message} ({inner.Message})",
        _ => e.Message,
    };
}
