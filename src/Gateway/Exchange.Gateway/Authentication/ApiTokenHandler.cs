using System.Security.Claims;
using System.Text.Encodings.Web;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Directory;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Authentication;

/// <summary>
/// The <see cref="GatewaySchemes.ApiToken"/> scheme: an unretired API token of an information system which, like its
/// participant, is active in this node's directory; the caller then acts for that participant (<see cref="ParticipantClaim"/>),
/// as a caller identified by its signature does over SOAP. Every refusal gets the same answer, so a stolen token tells
/// nobody whether it was ever valid; the log says which it was.
/// </summary>
public sealed class ApiTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggers, UrlEncoder encoder,
    ApiTokenStore tokens, DirectoryCache directory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    /// <summary>The claim naming the participant the caller acts for.</summary>
    public const string ParticipantClaim = "exchange:participant";

    /// <summary>The claim naming the information system the token was issued to.</summary>
    public const string SystemClaim = "exchange:system";

    /// <summary>The participant an authenticated caller of the participant API acts for.</summary>
    public static string Participant(ClaimsPrincipal user) => user.FindFirstValue(ParticipantClaim)!;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = BearerToken.Of(Request);
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        string? system;
        try
        {
            system = await tokens.FindSystemAsync(presented, Context.RequestAborted);
        }
        catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
        {
            return AuthenticateResult.Fail(new TokensUnavailableException(e));
        }
        if (system is null)
        {
            return Refused("not an API token, or a retired one", null);
        }
        return directory.Current.System(system) switch
        {
            null => Refused("the token's information system is not in this node's directory", system),
            { System.IsActive: false } => Refused("the token's information system is retired", system),
            { Participant.IsActive: false } => Refused("the participant of the token's information system is retired", system),
            { } found => AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([
                new Claim(ClaimTypes.Name, found.System.Mnemonic),
                new Claim(SystemClaim, found.System.Mnemonic),
                new Claim(ParticipantClaim, found.Participant.Mnemonic),
            ], Scheme.Name)), Scheme.Name)),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is TokensUnavailableException unavailable)
        {
            // The tokens live in PostgreSQL: without it nobody can be identified, which is the gateway's trouble, not the
            // caller's, and passes — as SOAP callers hear with SMEVFailure.
            Log.ParticipantUnidentifiable(Logger, unavailable.InnerException!, Request.Method, Request.Path);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
                detail: "The gateway cannot check API tokens right now; try again shortly.").ExecuteAsync(Context);
            return;
        }
        var refusal = result.Failure as TokenRefusedException;
        Log.ParticipantRefused(Logger, Request.Method, Request.Path, Context.Connection.RemoteIpAddress?.ToString(),
            refusal?.Message ?? "no bearer token", refusal?.System);
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API token required",
            detail: "Send 'Authorization: Bearer <token>' with an API token an administrator issued to your active information system.")
            .ExecuteAsync(Context);
    }

    private static AuthenticateResult Refused(string reason, string? system) => AuthenticateResult.Fail(new TokenRefusedException(reason, system));

    private sealed class TokenRefusedException(string reason, string? system) : Exception(reason)
    {
        public string? System { get; } = system;
    }

    private sealed class TokensUnavailableException(Exception cause) : Exception("PostgreSQL is unavailable", cause);
}
