namespace Exchange.Domain.Messages;

/// <summary>One copy of a broadcast: for whom, and where it is now (the last entry of its own history).</summary>
public sealed record CopyStatus(Guid MessageId, string Recipient, string Status, DateTimeOffset At);
