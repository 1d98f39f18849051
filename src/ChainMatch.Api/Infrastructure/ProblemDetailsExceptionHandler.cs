using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Graph;
using ChainMatch.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Maps the exceptions the domain raises on purpose to RFC 7807 problem details; everything else is a logged 500.</summary>
sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, $"Unknown {e.Kind}", e.Message),
            AccessDeniedException e => (StatusCodes.Status403Forbidden, "Outside your scope", e.Message),
            WriteConflictException e => (StatusCodes.Status409Conflict, e.Title, e.Message),
            // Kestrel stops reading a body at the endpoint's cap (see BodySizeLimit) and says so with a 413.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e =>
                (e.StatusCode, "Request too large", $"{e.Message} (limits: {LimitOptions.Section}:MaxBodyBytes, {LimitOptions.Section}:MaxImportBytes)"),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
            // Reads go on from the projection; a write that cannot reach the store is refused, saying why.
            StoreUnavailableException e => (StatusCodes.Status503ServiceUnavailable, "Graph store unavailable", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to answer; the error is logged."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
            log.LogWarning("Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
        else if (status >= 500)
            log.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
