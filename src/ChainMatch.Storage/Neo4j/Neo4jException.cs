namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Neo4j answered, and the answer was an error: a Neo4j status code (<c>Neo.ClientError.Statement.SyntaxError</c>),
/// a bare HTTP failure from something in between, or a body the adapter cannot read.
/// </summary>
public sealed class Neo4jException : Exception
{
    const string TransientPrefix = "Neo.TransientError.";

    Neo4jException(string message, string? code, int? httpStatus, bool isTransient) : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
        IsTransient = isTransient;
    }

    /// <summary>Neo4j's status code, e.g. <c>Neo.TransientError.Transaction.DeadlockDetected</c>; null when there was none.</summary>
    public string? Code { get; }

    public int? HttpStatus { get; }

    /// <summary>Retrying may succeed: a <c>Neo.TransientError.*</c> code, or a gateway's 502/503/504.</summary>
    public bool IsTransient { get; }

    /// <summary>An error object from the body. Decided by code, not status: transient errors arrive as HTTP 400.</summary>
    public static Neo4jException FromError(string operation, Neo4jConnection server, int httpStatus, string? code, string? message)
    {
        var transient = code?.StartsWith(TransientPrefix, StringComparison.Ordinal) == true
            || (IsGatewayFailure(httpStatus) && code?.StartsWith("Neo.ClientError.", StringComparison.Ordinal) != true);
        var what = httpStatus == 401
            ? $"Neo4j at {server.BaseUri} refused the credentials of user '{server.User}' for '{operation}'"
            : $"Neo4j at {server.BaseUri} refused '{operation}'";
        return new Neo4jException($"{what} (HTTP {httpStatus}, {code ?? "no error code"}): {message ?? "no message"}", code, httpStatus, transient);
    }

    /// <summary>A failure status with no Neo4j error in the body, e.g. a proxy's 503 page.</summary>
    public static Neo4jException FromStatus(string operation, Neo4jConnection server, int httpStatus, string? reason) =>
        new($"Neo4j at {server.BaseUri} answered '{operation}' with HTTP {httpStatus} {reason} and no Neo4j error code", null, httpStatus, IsGatewayFailure(httpStatus));

    /// <summary>A body that does not follow the Query API; retrying will not fix it.</summary>
    public static Neo4jException Protocol(string operation, Neo4jConnection server, int httpStatus, string problem) =>
        new($"Neo4j at {server.BaseUri} answered '{operation}' (HTTP {httpStatus}) with a body that {problem}", null, httpStatus, isTransient: false);

    static bool IsGatewayFailure(int status) => status is 502 or 503 or 504;
}
