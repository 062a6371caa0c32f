using System.Text.Json;
using Exchange.Adapters.Edms.Registration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Exchange.Adapters.Edms.Api;

/// <summary>
/// Answers what the API refuses as problem details: an <see cref="EdmsRefusal"/> with its status (404, 409), a body
/// that is not valid JSON as a validation problem naming where it broke (<c>signer.surname</c>), any other unreadable
/// request as 400.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        EdmsRefusal refusal => WriteAsync(http, exception, new ProblemDetails { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Message }),
        BadHttpRequestException { InnerException: JsonException json } => WriteAsync(http, exception,
            new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field(json.Path)] = [$"Not valid here: {json.Message}"] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
            }),
        BadHttpRequestException bad => WriteAsync(http, exception, new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message }),
        _ => ValueTask.FromResult(false),
    };

    /// <summary>A JSON path as the API's field names go: <c>$.files[0].name</c> is <c>files[0].name</c>, the whole body is <c>body</c>.</summary>
    private static string Field(string? path) => path is null or "$" ? "body" : path.TrimStart('$', '.');

    private async ValueTask<bool> WriteAsync(HttpContext http, Exception exception, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = exception, ProblemDetails = problem });
    }
}
