using Exchange.Gateway.Storage.Users;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// Checks a console session on every request: it ends past <see cref="ConsoleOptions.SessionMaxLifetime"/> however busy
/// it was, or once its user is disabled or gone; changed roles apply at once. The idle timeout is the cookie's own.
/// </summary>
public sealed class ConsoleSessionValidator(ConsoleUserStore users, IOptionsMonitor<ConsoleOptions> options, TimeProvider time,
    ILogger<ConsoleSessionValidator> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var signedInAt = ConsoleClaims.SignedInAtOf(context.Principal!);
        var stored = name is null ? null : await users.FindCredentialsAsync(name, context.HttpContext.RequestAborted);
        var ending = stored switch
        {
            null => "the user is gone",
            { User.IsDisabled: true } => "the user is disabled",
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
        if (!stored!.User.Roles.Order().SequenceEqual(context.Principal!.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order()))
        {
            context.ReplacePrincipal(ConsoleClaims.For(stored.User, signedInAt));
            context.ShouldRenew = true;
        }
    }
}
