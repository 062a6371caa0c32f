namespace Exchange.Domain.Messages;

/// <summary>The states a message goes through; the values are what the database and the status API hold.</summary>
public static class MessageStatus
{
    public const string Accepted = "accepted";
    public const string Queued = "queued";
    public const string Delivered = "delivered";
    public const string Acknowledged = "acknowledged";
    public const string Answered = "answered";
    public const string Rejected = "rejected";
    public const string Failed = "failed";
    public const string Expired = "expired";

    /// <summary>An operator sent a failed message again: a new delivery, through the outbox like a new message.</summary>
    public const string Requeued = "requeued";

    /// <summary>An operator gave up on a failed message: it is never delivered.</summary>
    public const string Discarded = "discarded";

    /// <summary>
    /// Statuses of a request whose recipient owes no answer, however late: the gateway gave up delivering it (failed,
    /// discarded) or it expired. Such a request is never overdue.
    /// </summary>
    public static IReadOnlyList<string> NoAnswerOwed { get; } = [Failed, Discarded, Expired];

    public static IReadOnlyList<string> All { get; } =
        [Accepted, Queued, Delivered, Acknowledged, Answered, Rejected, Failed, Expired, Requeued, Discarded];
}
