using Exchange.Domain.Users;
using Exchange.Gateway.Status;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Exchange.Gateway.Authentication;

/// <summary>
/// Who a caller of the gateway's HTTP endpoints is (schemes) and what it may do (policies). The SOAP endpoint is not
/// among them: its callers are identified by their signatures, so it and its WSDL are anonymous here.
/// </summary>
public static class GatewayAuthentication
{
    /// <summary>Where the admin and tracing APIs live (the participant API, beneath it, has a scheme of its own).</summary>
    public const string ApiPrefix = "/api";

    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(GatewaySchemes.ByPath)
            .AddPolicyScheme(GatewaySchemes.ByPath, null, scheme => scheme.ForwardDefaultSelector = SchemeOf)
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(GatewaySchemes.AdminToken, null)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(GatewaySchemes.ApiToken, null);

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

    /// <summary>
    /// One scheme answers each path, so a refusal is what its callers expect (a problem for API clients) and an API
    /// token opens nothing but the participant API, an admin token nothing under it.
    /// </summary>
    private static string SchemeOf(HttpContext http) =>
        http.Request.Path.StartsWithSegments(ParticipantStatusApi.PathPrefix) ? GatewaySchemes.ApiToken : GatewaySchemes.AdminToken;
}
