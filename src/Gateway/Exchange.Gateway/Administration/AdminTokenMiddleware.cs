using System.Security.Cryptography;
using System.Text;
using Exchange.Gateway.Participants;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Administration;

/// <summary>
/// Admits calls under <see cref="PathPrefix"/> (the admin and tracing APIs; not the participant API, which has tokens of
/// its own) that carry one of the configured bearer tokens, and remembers whose it is, for the audit. A middleware
/// rather than an endpoint filter so that a caller without a token is turned away before its request body is read.
/// </summary>
public sealed class AdminTokenMiddleware(RequestDelegate next, IOptionsMonitor<AdminOptions> options, ILogger<AdminTokenMiddleware> logger)
{
    public const string PathPrefix = "/api";
    private const string ActorKey = "exchange.admin.actor";

    public static string Actor(HttpContext http) => (string)http.Items[ActorKey]!;

    /// <summary>Whether a request to <paramref name="path"/> must pass this middleware.</summary>
    public static bool Guards(PathString path) =>
        path.StartsWithSegments(PathPrefix) && !path.StartsWithSegments(ParticipantTokenMiddleware.PathPrefix);

    public async Task InvokeAsync(HttpContext http)
    {
        var presented = BearerToken.Of(http.Request);
        var holder = presented.Length == 0 ? null : options.CurrentValue.Tokens.FirstOrDefault(t => SameToken(t.Value, presented)).Key;
        if (holder is null)
        {
            Log.AdminRefused(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString());
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Admin token required",
                detail: "Send 'Authorization: Bearer <token>' with a token configured under Exchange:Admin:Tokens.").ExecuteAsync(http);
            return;
        }
        http.Items[ActorKey] = holder;
        await next(http);
    }

    // Constant-time over the hashes, so neither content nor length leaks through timing.
    private static bool SameToken(string configured, string presented) =>
        configured.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
