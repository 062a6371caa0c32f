using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Status;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Authentication;

/// <summary>
/// Who a caller of the gateway's HTTP endpoints is (schemes) and what it may do (policies). The SOAP endpoint is not
/// among them: its callers are identified by their signatures, so it and its WSDL are anonymous here.
/// </summary>
public static class GatewayAuthentication
{
    /// <summary>Where the admin and tracing APIs live (the participant API, beneath it, has a scheme of its own).</summary>
    public const string ApiPrefix = "/api";

    /// <summary>The console session's cookie.</summary>
    public const string ConsoleCookie = "exchange.console";

    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(GatewaySchemes.ByPath)
            .AddPolicyScheme(GatewaySchemes.ByPath, null, scheme => scheme.ForwardDefaultSelector = SchemeOf)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(GatewaySchemes.AdminToken, null)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(GatewaySchemes.ApiToken, null)
            .AddCookie(GatewaySchemes.Console);
        services.AddOptions<CookieAuthenticationOptions>(GatewaySchemes.Console)
            .Configure<IOptions<ConsoleOptions>, TimeProvider, ConsoleSessionValidator>(ConfigureConsoleCookie);

        services.AddAuthorizationBuilder()
            // An endpoint that names no policy and is not anonymous is closed to everyone: a new endpoint must say who
            // may call it. A request that matched no endpoint gets its 404 once its caller is known, as under /api before.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    && context.Resource is HttpContext http && http.GetEndpoint() is null)
                .Build())
            .AddPolicy(GatewayPolicies.Operator, policy => policy.RequireRole(UserRoles.Operator))
            .AddPolicy(GatewayPolicies.ContentReader, policy => policy.RequireRole(UserRoles.ContentReader))
            .AddPolicy(GatewayPolicies.Administrator, policy => policy.RequireRole(UserRoles.Administrator))
            .AddPolicy(GatewayPolicies.Participant, policy => policy.RequireClaim(ApiTokenHandler.ParticipantClaim));
        return services;
    }

    private static void ConfigureConsoleCookie(CookieAuthenticationOptions cookie, IOptions<ConsoleOptions> options, TimeProvider time,
        ConsoleSessionValidator validator)
    {
        var console = options.Value;
        cookie.TimeProvider = time;
        cookie.Cookie.Name = ConsoleCookie;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = console.CookieSecurePolicy;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.ExpireTimeSpan = console.SessionIdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = ConsoleSiteExtensions.LoginPath;
        cookie.Events.OnValidatePrincipal = validator.ValidateAsync;
        cookie.Events.OnRedirectToLogin = RedirectToLoginInConsoleOnly;
        // Forbidden is a 403 with the console's status page, not a redirect to a page that would answer 200.
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    // An API client whose console cookie expired gets a 401, not a login page.
    private static Task RedirectToLoginInConsoleOnly(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (ConsoleSiteExtensions.IsConsole(context.Request.Path))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// One scheme answers each request, so a refusal is what its callers expect (a problem for API clients, the login
    /// page for the console's): the participant API knows only API tokens; the other APIs admin tokens, or for reading the
    /// cookie of a console user calling them without a token; everything else the console's cookie. An API token thus opens
    /// nothing but the participant API, and an admin token nothing under it.
    /// </summary>
    private static string SchemeOf(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.StartsWithSegments(ParticipantStatusApi.PathPrefix))
        {
            return GatewaySchemes.ApiToken;
        }
        if (request.Path.StartsWithSegments(ApiPrefix))
        {
            // The cookie only reads: a browser sends it with any request another page of the same site makes it send, and
            // the APIs carry no antiforgery token. Changes go through the console's forms, which do, or through a token.
            var reads = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
            return reads && request.Headers.Authorization.Count == 0 && request.Cookies.ContainsKey(ConsoleCookie)
                ? GatewaySchemes.Console
                : GatewaySchemes.AdminToken;
        }
        return GatewaySchemes.Console;
    }
}
