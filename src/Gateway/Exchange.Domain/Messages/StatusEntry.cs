namespace Exchange.Domain.Messages;

/// <summary>One row of a message's status history.</summary>
/// <param name="Node">The gateway node that wrote it; null for history written before nodes were recorded.</param>
public sealed record StatusEntry(string Status, DateTimeOffset At, string Actor, string? Reason, string? Node = null);
