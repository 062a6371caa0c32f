namespace Exchange.Domain.Messages;

/// <summary>One entry of a sender's status stream.</summary>
/// <param name="Category">SMEV's InteractionStatusType value, e.g. <c>requestIsQueued</c>.</param>
public sealed record StatusEvent(Guid MessageId, string Category, string? Details, DateTimeOffset At);
