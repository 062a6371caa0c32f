using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Status;

/// <summary>
/// <c>GET /api/messages/{id}/status</c>: a message's status history as JSON, for operators and senders;
/// <c>GET /api/statistics</c>: messages by kind and current status, test messages apart.
/// The HTTP API cannot tell who asks yet (no caller authentication on it), so it cannot apply the sender-or-recipient
/// rule that <see cref="MessageStatusLookup"/> applies to the signed SOAP lookup; that comes with the directory's
/// authorization (issue 6), and can then call <see cref="MessageStatusLookup"/> with the authenticated participant.
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/messages/{messageId:guid}/status", async (Guid messageId, MessageStore messages, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var message = await messages.FindAsync(messageId, cancellationToken);
            if (message is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown message",
                    detail: $"No message {messageId} was accepted by this gateway.");
            }
            var history = await messages.HistoryAsync(messageId, cancellationToken);
            var copies = message.Kind == "broadcast" && message.BroadcastMessageId is null
                ? (await messages.CopiesAsync(messageId, cancellationToken)).Select(c => new CopyView(c.MessageId, c.Recipient)).ToList()
                : [];
            return Results.Ok(new MessageStatusView(
                message.MessageId, message.Sender, message.Recipient, $"{{{message.NamespaceUri}}}{message.RootElement}",
                message.IsTest, history[^1].Status, history, message.BroadcastMessageId, copies, message.AnswerDueAt,
                IsOverdue(message, history, time.GetUtcNow())));
        });
        endpoints.MapGet("/api/statistics", async (MessageStatistics statistics, CancellationToken cancellationToken) =>
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
    /// <param name="Copies">For a broadcast: its copy for each recipient, each with its own history.</param>
    /// <param name="AnswerDueAt">When the answer is due, for a type with an answer deadline.</param>
    /// <param name="IsOverdue">Due, and neither answered nor rejected yet.</param>
    public sealed record MessageStatusView(Guid MessageId, string Sender, string Recipient, string MessageType, bool IsTest,
        string Current, IReadOnlyList<StatusEntry> History, Guid? BroadcastMessageId, IReadOnlyList<CopyView> Copies,
        DateTimeOffset? AnswerDueAt, bool IsOverdue);

    private static bool IsOverdue(StoredMessage message, IReadOnlyList<StatusEntry> history, DateTimeOffset now) =>
        message.AnswerDueAt < now && !history.Any(h => h.Status is MessageStatus.Answered or MessageStatus.Rejected);

    public sealed record CopyView(Guid MessageId, string Recipient);
}
