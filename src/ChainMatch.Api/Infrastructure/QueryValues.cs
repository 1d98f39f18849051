using Microsoft.AspNetCore.Http.HttpResults;

namespace ChainMatch.Api.Infrastructure;

/// <summary>
/// Every query parameter is given once, with a value: <c>?region=&amp;region=530300</c> or <c>?region=</c> is a 400 that
/// names the parameter, on every route. A parameter read twice could be checked on one value and acted on with the
/// other; an empty one could be read as "left out" by one reader and as "" by another.
/// </summary>
sealed class QueryValues(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var errors = Parameters.Errors();
        foreach (var (name, values) in context.Request.Query)
        {
            // A nameless parameter (?=x) binds to nothing.
            if (name.Length == 0) continue;
            if (values.Count > 1) errors[name] = [$"'{name}' is given {values.Count} times: give it once"];
            else if (string.IsNullOrEmpty(values[0])) errors[name] = [$"'{name}' is empty: give a value or leave it out"];
        }
        return errors.Count == 0 ? next(context) : TypedResults.ValidationProblem(errors).ExecuteAsync(context);
    }
}
