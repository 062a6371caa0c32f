namespace Exchange.Protocol.Messages;

/// <summary>A message's current status and history, as <c>GetMessageStatusResponse</c> carries them.</summary>
/// <param name="InteractionStatus">The current status in SMEV's words, when SMEV has one for it.</param>
public sealed record MessageStatusDescription(
    Guid MessageId,
    string Sender,
    string Recipient,
    string Status,
    DateTimeOffset StatusChangeTimestamp,
    string? InteractionStatus,
    IReadOnlyList<StatusHistoryEntry> History)
{
    /// <summary>For a broadcast: its copy for each recipient, with where that copy is now.</summary>
    public IReadOnlyList<BroadcastCopyStatus> Copies { get; init; } = [];
}

/// <summary>One change of a message's status: what, when, by whom, and why when there is a reason.</summary>
public sealed record StatusHistoryEntry(string Status, DateTimeOffset At, string Actor, string? Reason);

/// <summary>One recipient's copy of a broadcast: its own MessageID (for GetMessageStatus) and its current status.</summary>
public sealed record BroadcastCopyStatus(Guid MessageId, string Recipient, string Status, DateTimeOffset StatusChangeTimestamp);
