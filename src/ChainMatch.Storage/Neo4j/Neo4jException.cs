namespace ChainMatch.Storage.Neo4j;

/// <summary>
/// Neo4j answered, and the answer was an error: a Neo4j status code (<c>Neo.ClientError.Statement.SyntaxError</c>),
/// a bare HTTP failure from something in between, or a body the adapter cannot read.
/// </summary>
public sealed class Neo4jException : Exception
{
    const string TransientPrefix = "Neo.TransientError.";

    Neo4jException(string message, string? code, int? httpStatus, bool isTransient, bool transactionGone = false) : base(message)
    {
        Code = code;
        HttpStatus = httpStatus;
        IsTransient = isTransient;
        TransactionGone = transactionGone;
    }

    /// <summary>Neo4j's status code, e.g. <c>Neo.TransientError.Transaction.DeadlockDetected</c>; null when there was none (5.26 can send <c>"N/A"</c>).</summary>
    public string? Code { get; }

    public int? HttpStatus { get; }

    /// <summary>
    /// Retrying may succeed: a <c>Neo.TransientError.*</c> code, a gateway's 502/503/504, or a transaction the
    /// server no longer knows (it expired and was rolled back, so replaying it from its begin is safe).
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>The transaction named in the request is not (or no longer) open on the server: expired, rolled back or committed.</summary>
    public bool TransactionGone { get; }

    /// <summary>An error object from the body. Decided by code, not status: transient errors arrive as HTTP 400.</summary>
    public static Neo4jException FromError(string operation, Neo4jConnection server, int httpStatus, string? code, string? message)
    {
        // 5.26 answers some requests it cannot read with the code "N/A": that is no Neo4j status code.
        var known = code?.StartsWith("Neo.", StringComparison.Ordinal) == true ? code : null;
        var gone = IsTransactionNotFound(httpStatus, known, message);
        var transient = known?.StartsWith(TransientPrefix, StringComparison.Ordinal) == true || gone
            || (IsGatewayFailure(httpStatus) && known?.StartsWith("Neo.ClientError.", StringComparison.Ordinal) != true);
        var what = httpStatus == 401
            ? $"Neo4j at {server.BaseUri} refused the credentials of user '{server.User}' for '{operation}'"
            : $"Neo4j at {server.BaseUri} refused '{operation}'";
        var hint = httpStatus is 406 or 415
            ? " (the adapter sends JSON and asks for the Query API's typed JSON, application/vnd.neo4j.query, which Neo4j serves from 5.23; explicit transactions need 5.26)"
            : "";
        return new Neo4jException($"{what} (HTTP {httpStatus}, {code ?? "no error code"}): {message ?? "no message"}{hint}", known, httpStatus, transient, gone);
    }

    /// <summary>A failure status with no Neo4j error in the body, e.g. a proxy's 503 page.</summary>
    public static Neo4jException FromStatus(string operation, Neo4jConnection server, int httpStatus, string? reason) =>
        new($"Neo4j at {server.BaseUri} answered '{operation}' with HTTP {httpStatus} {reason} and no Neo4j error code", null, httpStatus, IsGatewayFailure(httpStatus));

    /// <summary>A body that does not follow the Query API; retrying will not fix it.</summary>
    public static Neo4jException Protocol(string operation, Neo4jConnection server, int httpStatus, string problem) =>
        new($"Neo4j at {server.BaseUri} answered '{operation}' (HTTP {httpStatus}) with a body that {problem}", null, httpStatus, isTransient: false);

    static bool IsGatewayFailure(int status) => status is 502 or 503 or 504;

    // The Query API says so with a 404, code Neo.ClientError.Request.Invalid and "Transaction with Id: "…" was not found";
    // the older transactional endpoint with Neo.ClientError.Transaction.TransactionNotFound.
    static bool IsTransactionNotFound(int status, string? code, string? message) =>
        code == "Neo.ClientError.Transaction.TransactionNotFound"
        || (status == 404 && message is not null
            && message.StartsWith("Transaction with Id", StringComparison.Ordinal) && message.Contains("was not found", StringComparison.Ordinal));
}
