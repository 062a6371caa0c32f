using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Administration;

/// <summary>
/// Admits admin API calls that carry one of the configured bearer tokens and remembers whose it is, for the audit.
/// </summary>
public sealed class AdminTokenFilter(IOptionsMonitor<AdminOptions> options, ILogger<AdminTokenFilter> logger) : IEndpointFilter
{
    private const string ActorKey = "exchange.admin.actor";

    public static string Actor(HttpContext http) => (string)http.Items[ActorKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var holder = presented.Length == 0 ? null : options.CurrentValue.Tokens.FirstOrDefault(t => SameToken(t.Value, presented)).Key;
        if (holder is null)
        {
            Log.AdminRefused(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin token required",
                detail: "Send 'Authorization: Bearer <token>' with a token configured under Exchange:Admin:Tokens.");
        }
        http.Items[ActorKey] = holder;
        return await next(context);
    }

    // Constant-time over the hashes, so neither content nor length leaks through timing.
    private static bool SameToken(string configured, string presented) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
