using System.Security.Claims;
using Exchange.Gateway.Storage.Users;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// Checks a console session on every request: it ends past <see cref="ConsoleOptions.SessionMaxLifetime"/> however busy
/// it was, once its user is disabled or gone, or once its password is set anew; changed roles apply at once. The idle timeout is the cookie's own.
/// </summary>
public sealed class ConsoleSessionValidator(ConsoleUserStore users, IOptionsMonitor<ConsoleOptions> options, TimeProvider time,
    ILogger<ConsoleSessionValidator> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var signedInAt = ConsoleClaims.SignedInAtOf(context.Principal!);
        var stored = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        var ending = stored switch
        {
            null => "the user is gone",
            { IsDisabled: true } => "the user is disabled",
            // To the second, the sign-in time's precision: a session begun before the password was set ends with it.
            _ when stored.PasswordChangedAt.AddTicks(-(stored.PasswordChangedAt.Ticks % TimeSpan.TicksPerSecond)) > signedInAt =>
                "the password was changed",
            _ when signedInAt + options.CurrentValue.SessionMaxLifetime <= time.GetUtcNow() => "the session reached its maximum lifetime",
            _ => null,
        };
        if (ending is not null)
        {
            Log.ConsoleSessionEnded(logger, name ?? "(nameless)", ending);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        if (!stored!.Roles.Order().SequenceEqual(context.Principal!.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()))
        {
            context.ReplacePrincipal(ConsoleClaims.For(stored, signedInAt));
            context.ShouldRenew = true;
        }
    }
}
