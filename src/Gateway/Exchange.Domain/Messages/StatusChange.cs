namespace Exchange.Domain.Messages;

/// <summary>A status to append to a message's history.</summary>
public sealed record StatusChange(Guid MessageId, string Status, string? Reason);
