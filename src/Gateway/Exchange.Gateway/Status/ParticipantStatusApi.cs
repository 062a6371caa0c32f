using Exchange.Gateway.Participants;
using Exchange.Protocol.Faults;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// <c>GET /api/participant/messages/{id}/status</c>: what <c>GetMessageStatus</c> answers over SOAP, as JSON, for an
/// information system identified by its API token (<see cref="ParticipantTokenMiddleware"/>) — an EDMS or a web front
/// end that does not sign. The same rule holds (<see cref="MessageStatusLookup"/>): only the message's sender or
/// recipient sees it; for anyone else it is a 404 word for word like an unknown id's.
/// </summary>
public static class ParticipantStatusApi
{
    public static IEndpointRouteBuilder MapParticipantStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup(ParticipantTokenMiddleware.PathPrefix).WithTags("Participant API")
            .MapGet("/messages/{messageId:guid}/status", async (Guid messageId, HttpContext http, MessageStatusLookup lookup, CancellationToken cancellationToken) =>
            {
                var caller = ParticipantTokenMiddleware.Caller(http);
                try
                {
                    return Results.Ok(await lookup.ForParticipantAsync(messageId, caller.Mnemonic, cancellationToken));
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
