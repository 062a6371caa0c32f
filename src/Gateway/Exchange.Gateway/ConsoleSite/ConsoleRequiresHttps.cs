using Exchange.Gateway.Users;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// Refuses the console over plain HTTP while its cookies are Secure: antiforgery would otherwise fail the login form
/// with a 500, and a session cookie the browser never sends back makes a login that silently goes nowhere. The answer
/// names the two ways out (TLS, or a proxy that says so), so whoever deploys it sees at once what is missing.
/// </summary>
public sealed class ConsoleRequiresHttps(RequestDelegate next, IOptions<ConsoleOptions> options, ILogger<ConsoleRequiresHttps> logger)
{
    public const string Refusal =
        "The operator console is served over HTTPS only. Behind a TLS-terminating proxy, let the gateway see the original " +
        "scheme (ASPNETCORE_FORWARDEDHEADERS_ENABLED=true); on a loopback demo, set Exchange:Console:AllowInsecureCookies=true.";

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.IsHttps || options.Value.AllowInsecureCookies)
        {
            await next(http);
            return;
        }
        Log.ConsoleNeedsHttps(logger, http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(Refusal, http.RequestAborted);
    }
}
