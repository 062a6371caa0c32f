using Exchange.Domain.Directory;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Participants;

/// <summary>
/// Admits calls under <see cref="PathPrefix"/> (the participant API) that carry an unretired API token of an information
/// system which, like its participant, is active in this node's directory; the caller then acts for that participant,
/// as a caller identified by its signature does over SOAP. Admin tokens open nothing here, API tokens nothing else.
/// A middleware rather than an endpoint filter so that a caller without a token is turned away before its request
/// body is read. Every refusal gets the same answer, so a stolen token tells nobody whether it was ever valid; the log
/// says which it was.
/// </summary>
public sealed class ParticipantTokenMiddleware(RequestDelegate next, ApiTokenStore tokens, DirectoryCache directory,
    ILogger<ParticipantTokenMiddleware> logger)
{
    public const string PathPrefix = "/api/participant";
    private const string CallerKey = "exchange.participant.caller";

    /// <summary>The information system that made the call, and its participant.</summary>
    public static Caller Caller(HttpContext http) => (Caller)http.Items[CallerKey]!;

    /// <summary>Whether a request to <paramref name="path"/> must pass this middleware.</summary>
    public static bool Guards(PathString path) => path.StartsWithSegments(PathPrefix);

    public async Task InvokeAsync(HttpContext http)
    {
        Caller? caller;
        string refusal;
        string? system;
        try
        {
            (caller, refusal, system) = await IdentifyAsync(http);
        }
        catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
        {
            // The tokens live in PostgreSQL: without it nobody can be identified, which is the gateway's trouble, not the
            // caller's, and passes — as SOAP callers hear with SMEVFailure.
            Log.ParticipantUnidentifiable(logger, e, http.Request.Method, http.Request.Path);
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
                detail: "The gateway cannot check API tokens right now; try again shortly.").ExecuteAsync(http);
            return;
        }
        if (caller is null)
        {
            Log.ParticipantRefused(logger, http.Request.Method, http.Request.Path, http.Connection.RemoteIpAddress?.ToString(), refusal, system);
            await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "API token required",
                detail: "Send 'Authorization: Bearer <token>' with an API token an administrator issued to your active information system.")
                .ExecuteAsync(http);
            return;
        }
        http.Items[CallerKey] = caller;
        await next(http);
    }

    private async Task<(Caller? Caller, string Refusal, string? System)> IdentifyAsync(HttpContext http)
    {
        var presented = BearerToken.Of(http.Request);
        if (presented.Length == 0)
        {
            return (null, "no bearer token", null);
        }
        var system = await tokens.FindSystemAsync(presented, http.RequestAborted);
        if (system is null)
        {
            return (null, "not an API token, or a retired one", null);
        }
        return directory.Current.System(system) switch
        {
            null => (null, "the token's information system is not in this node's directory", system),
            { System.IsActive: false } => (null, "the token's information system is retired", system),
            { Participant.IsActive: false } => (null, "the participant of the token's information system is retired", system),
            { } found => (new Caller(found.Participant, found.System), "", system),
        };
    }
}
