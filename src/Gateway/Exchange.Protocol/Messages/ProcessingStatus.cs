namespace Exchange.Protocol.Messages;

/// <summary>SMEV's <c>AsyncProcessingStatus</c>: what became of a message the caller sent.</summary>
/// <param name="StatusCategory">An <c>InteractionStatusType</c> value, e.g. <c>messageIsDelivered</c>.</param>
/// <param name="Details">Why, in words (at most 500 characters on the wire).</param>
public sealed record ProcessingStatus(Guid OriginalMessageId, string StatusCategory, string? Details);
