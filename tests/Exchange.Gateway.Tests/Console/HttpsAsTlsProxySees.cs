using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// Makes a node take every request for HTTPS, as it does behind a TLS-terminating proxy with forwarded headers, so that
/// Secure cookies can be tested on the fixture's plain-HTTP loopback.
/// </summary>
public sealed class HttpsAsTlsProxySees : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            http.Request.Scheme = "https";
            return following(http);
        });
        next(app);
    };
}
