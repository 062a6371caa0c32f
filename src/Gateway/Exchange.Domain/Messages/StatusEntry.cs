namespace Exchange.Domain.Messages;

/// <summary>One row of a message's status history.</summary>
public sealed record StatusEntry(string Status, DateTimeOffset At, string Actor, string? Reason);
