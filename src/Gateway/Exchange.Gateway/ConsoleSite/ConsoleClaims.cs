using System.Globalization;
using System.Security.Claims;
using Exchange.Domain.Users;
using Exchange.Gateway.Authentication;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>The principal a console session carries: the user's name, its roles, and when it signed in.</summary>
public static class ConsoleClaims
{
    /// <summary>When the session began, as Unix seconds: a renewed cookie keeps it, so a session cannot outlive its absolute limit.</summary>
    public const string SignedInAt = "exchange:signed_in_at";

    public static ClaimsPrincipal For(ConsoleUser user, DateTimeOffset signedInAt) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(SignedInAt, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            .. user.Roles.Select(role => new Claim(ClaimTypes.Role, role)),
        ], GatewaySchemes.Console));

    public static DateTimeOffset SignedInAtOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(SignedInAt), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.MinValue;
}
