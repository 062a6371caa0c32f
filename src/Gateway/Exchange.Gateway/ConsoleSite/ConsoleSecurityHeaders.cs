namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// The console's response headers: everything from the gateway itself and nothing inline (the console works in a
/// closed network, and an injected script must find nothing to run), never framed, no referrer leaving it, no
/// guessing of content types, no caching of pages that show messages.
/// </summary>
public sealed class ConsoleSecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // On starting, so that headers survive a status page re-executing the request, which clears the response.
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
