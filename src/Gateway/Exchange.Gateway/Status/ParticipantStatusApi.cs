using Exchange.Gateway.Authentication;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// <c>GET /api/participant/messages/{id}/status</c>: what <c>GetMessageStatus</c> answers over SOAP, as JSON, for an
/// information system identified by its API token (<see cref="ApiTokenHandler"/>) — an EDMS or a web front
/// end that does not sign. The same rule holds (<see cref="MessageStatusLookup"/>): only the message's sender or
/// recipient sees it; for anyone else it is a 404 word for word like an unknown id's.
/// </summary>
public static class ParticipantStatusApi
{
    /// <summary>Where the participant API lives; every call under it is answered by the API-token scheme.</summary>
    public const string PathPrefix = "/api/participant";

    public static IEndpointRouteBuilder MapParticipantStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup(PathPrefix).WithTags("Participant API").RequireAuthorization(GatewayPolicies.Participant)
            .MapGet("/messages/{messageId:guid}/status", async (Guid messageId, HttpContext http, MessageStatusLookup lookup, CancellationToken cancellationToken) =>
            {
                var participant = ApiTokenHandler.Participant(http.User);
                try
                {
                    return Results.Ok(await lookup.ForParticipantAsync(messageId, participant, cancellationToken));
                }
                catch (SmevFaultException e) when (e.Fault.Code == FaultCodes.TargetNotFound)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown message", detail: e.Fault.Description);
                }
            })
            .WithSummary("A message's status, SMEV interaction status, history and broadcast copies, for its sender or recipient (API token).")
            .Produces<MessageStatusDescription>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }
}
