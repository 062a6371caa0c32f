using Exchange.Adapters.Edms.Registration;
using Microsoft.AspNetCore.Diagnostics;

namespace Exchange.Adapters.Edms.Api;

/// <summary>Answers an <see cref="EdmsRefusal"/> as problem details with its status (404, 409).</summary>
internal sealed class RefusalHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not EdmsRefusal refusal)
        {
            return false;
        }
        http.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = refusal.Status, Title = refusal.Title, Detail = refusal.Message },
        });
    }
}
