using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text;
using Exchange.Domain.Users;
using Exchange.Gateway.Administration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Authentication;

/// <summary>
/// The <see cref="GatewaySchemes.AdminToken"/> scheme: a bearer token of <c>Exchange:Admin:Tokens</c> names its
/// holder (the principal's name, which the audit records as the actor), who may do everything an administrator and an
/// operator may. The authorization middleware runs before the endpoint, so a caller without a token is turned away
/// before its request body is read.
/// </summary>
public sealed class AdminTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    IOptionsMonitor<AdminOptions> admin) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = BearerToken.Of(Request);
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var holder = admin.CurrentValue.Tokens.FirstOrDefault(t => SameToken(t.Value, presented)).Key;
        if (holder is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("not a configured admin token"));
        }
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.Name, holder),
            new Claim(ClaimTypes.Role, UserRoles.Administrator),
            new Claim(ClaimTypes.Role, UserRoles.Operator),
        ], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Log.AdminRefused(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString());
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin token required",
            detail: "Send 'Authorization: Bearer <token>' with a token configured under Exchange:Admin:Tokens.").ExecuteAsync(Context);
    }

    // Constant-time over the hashes, so neither content nor length leaks through timing.
    private static bool SameToken(string configured, string presented) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
