using Exchange.Domain.Messages;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// For operators (who trace any message; <see cref="GatewayPolicies.Operator"/>, e.g. with a token of <c>Exchange:Admin:Tokens</c>):
/// <c>GET /api/messages/{id}/status</c>, a message's status history, answer deadline and broadcast copies as JSON;
/// <c>GET /api/statistics</c>, messages by kind and current status, test messages apart.
/// Participants ask about their own messages with the signed SOAP lookup <c>GetMessageStatus</c>, or with an API token
/// at <see cref="ParticipantStatusApi"/>; both apply the sender-or-recipient rule (<see cref="MessageStatusLookup"/>).
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        var operators = endpoints.MapGroup("/api").WithTags("Message tracing").RequireAuthorization(GatewayPolicies.Operator);
        operators.MapGet("/messages/{messageId:guid}/status", async (Guid messageId, MessageStore messages, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var message = await messages.FindAsync(messageId, cancellationToken);
            if (message is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown message",
                    detail: $"No message {messageId} was accepted by this gateway.");
            }
            var history = await messages.HistoryAsync(messageId, cancellationToken);
            var copies = message.IsBroadcastOriginal
                ? (await messages.CopiesAsync(messageId, cancellationToken)).Select(MessageStatusLookup.BroadcastCopy).ToList()
                : [];
            return Results.Ok(new MessageStatusView(
                message.MessageId, message.Sender, message.Recipient, $"{{{message.NamespaceUri}}}{message.RootElement}",
                message.IsTest, history[^1].Status, history, message.BroadcastMessageId, copies, message.AnswerDueAt,
                IsOverdue(message, history, time.GetUtcNow())));
        });
        operators.MapGet("/statistics", async (MessageStatistics statistics, CancellationToken cancellationToken) =>
        {
            var rows = await statistics.CurrentAsync(cancellationToken);
            return Results.Ok(new StatisticsView(Bucket(rows, isTest: false), Bucket(rows, isTest: true)));
        });
        return endpoints;
    }

    /// <summary>Messages by kind and current status; test messages never mix with real ones.</summary>
    public sealed record StatisticsView(
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Production,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Test);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Bucket(IEnumerable<MessageStatistics.Row> rows, bool isTest) =>
        rows.Where(r => r.IsTest == isTest)
            .GroupBy(r => r.Kind)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(r => r.Status, r => r.Count));

    /// <param name="BroadcastMessageId">For a copy of a broadcast: the broadcast it was fanned out from.</param>
    /// <param name="Copies">For a broadcast: its copy for each recipient with its current status (each has its own history).</param>
    /// <param name="AnswerDueAt">When the answer is due, for a type with an answer deadline.</param>
    /// <param name="IsOverdue">Due, neither answered nor rejected yet, and still owed an answer (not failed, discarded or expired): the console's rule.</param>
    public sealed record MessageStatusView(Guid MessageId, string Sender, string Recipient, string MessageType, bool IsTest,
        string Current, IReadOnlyList<StatusEntry> History, Guid? BroadcastMessageId, IReadOnlyList<BroadcastCopyStatus> Copies,
        DateTimeOffset? AnswerDueAt, bool IsOverdue);

    private static bool IsOverdue(AcceptedMessage message, IReadOnlyList<StatusEntry> history, DateTimeOffset now) =>
        message.AnswerDueAt < now && !history.Any(h => h.Status is MessageStatus.Answered or MessageStatus.Rejected)
        && !MessageStatus.NoAnswerOwed.Contains(history[^1].Status);
}
