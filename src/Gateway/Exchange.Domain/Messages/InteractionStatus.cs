namespace Exchange.Domain.Messages;

/// <summary>
/// Our statuses in SMEV's <c>InteractionStatusType</c> words, for the sender's status stream. Statuses a sender need
/// not hear about (accepted: it got the answer already; delivered: a lease, perhaps repeated) have none.
/// </summary>
public static class InteractionStatus
{
    public static string? ForRequest(string status) => status switch
    {
        MessageStatus.Queued => "requestIsQueued",
        MessageStatus.Acknowledged => "messageIsDelivered",
        MessageStatus.Rejected => "requestIsRejectedBySmev",
        MessageStatus.Answered => "requestIsProcessed",
        MessageStatus.Expired or MessageStatus.Failed => "cancelled",
        _ => null,
    };

    public static string? ForResponse(string status) => status switch
    {
        MessageStatus.Queued => "responseIsQueued",
        MessageStatus.Acknowledged => "messageIsDelivered",
        MessageStatus.Rejected => "responseIsRejectedBySmev",
        MessageStatus.Answered => "responseIsProcessed",
        MessageStatus.Expired or MessageStatus.Failed => "cancelled",
        _ => null,
    };
}
