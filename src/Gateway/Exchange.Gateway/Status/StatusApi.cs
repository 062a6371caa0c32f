using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// <c>GET /api/messages/{id}/status</c>: a message's status history as JSON, for operators and senders.
/// Who may read which message is decided with the directory's authorization (issue 6).
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/messages/{messageId:guid}/status", async (Guid messageId, MessageStore messages, CancellationToken cancellationToken) =>
        {
            var message = await messages.FindAsync(messageId, cancellationToken);
            if (message is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown message",
                    detail: $"No message {messageId} was accepted by this gateway.");
            }
            var history = await messages.HistoryAsync(messageId, cancellationToken);
            return Results.Ok(new MessageStatusView(
                message.MessageId, message.Sender, message.Recipient, $"{{{message.NamespaceUri}}}{message.RootElement}",
                message.IsTest, history[^1].Status, history));
        });
        return endpoints;
    }

    public sealed record MessageStatusView(Guid MessageId, string Sender, string Recipient, string MessageType, bool IsTest,
        string Current, IReadOnlyList<StatusEntry> History);
}
