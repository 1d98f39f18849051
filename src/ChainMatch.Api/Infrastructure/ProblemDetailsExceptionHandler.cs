using System.Text.Json;
using ChainMatch.Api.Access;
using ChainMatch.Api.Graph;
using ChainMatch.Domain;
using ChainMatch.Domain.Access;
using ChainMatch.Domain.Contacts;
using ChainMatch.Domain.Graph;
using ChainMatch.Domain.Projects;
using ChainMatch.Storage;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChainMatch.Api.Infrastructure;

/// <summary>Maps the exceptions the domain raises on purpose to RFC 7807 problem details (an InvalidValueException to a 400 naming its field); everything else is a logged 500.</summary>
sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // A JSON body that does not read (a number out of range, a control character, a wrong type) names the field.
        if (exception is BadHttpRequestException { InnerException: JsonException json })
            return await WriteAsync(context, exception, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field(json)] = [Reason(json)] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "The request body does not read", Detail = exception.Message,
            });
        // A value that breaks a domain rule names its field, as a validation problem from the handler would.
        if (exception is InvalidValueException invalid)
            return await WriteAsync(context, exception, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [invalid.Field] = [invalid.Message] })
            {
                Status = StatusCodes.Status400BadRequest, Title = "One or more validation errors occurred.",
            });
        var (status, title, detail, limit) = exception switch
        {
            NotFoundException e => (StatusCodes.Status404NotFound, $"Unknown {e.Kind}", e.Message, null),
            AccessDeniedException e => (StatusCodes.Status403Forbidden, "Outside your scope", e.Message, null),
            WriteConflictException e => (StatusCodes.Status409Conflict, e.Title, e.Message, null),
            ProjectConflictException e => (StatusCodes.Status409Conflict, e.Title, e.Message, null),
            ContactRemovedException e => (StatusCodes.Status409Conflict, "Contact removed", e.Message, null),
            // Kestrel stops reading a body without a declared length at the endpoint's cap (see BodySizeLimit) and says so with a 413.
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => BodyLimit(context, e),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message, null),
            // Reads go on from the projection; a write that cannot reach the store is refused, saying why.
            StoreUnavailableException e => (StatusCodes.Status503ServiceUnavailable, "Graph store unavailable", e.Message, null),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "The server failed to answer; the error is logged.", (string?)null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
            log.LogWarning("Refused {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
        else if (status >= 500)
            log.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (limit is not null) problem.Extensions["limit"] = limit;
        return await WriteAsync(context, exception, problem);
    }

    async ValueTask<bool> WriteAsync(HttpContext context, Exception exception, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The same answer as a body refused by its declared length: which limit, and its setting.</summary>
    static (int, string, string, string?) BodyLimit(HttpContext context, BadHttpRequestException e)
    {
        var setting = RequestLimits.SettingFor(context);
        return (e.StatusCode, "Request too large", $"{e.Message} ({LimitOptions.Section}:{setting}).", setting);
    }

    /// <summary>"$.anchors[0].capacity" → "anchors[0].capacity"; the whole body when the path is the root.</summary>
    static string Field(JsonException e) => e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";

    /// <summary>Our converters' reason without the position System.Text.Json appends; its own messages as they are.</summary>
    static string Reason(JsonException e) => e.Message.Split(" Path: ", 2)[0];
}
