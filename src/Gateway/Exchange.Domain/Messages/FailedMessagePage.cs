namespace Exchange.Domain.Messages;

/// <summary>One page of failed messages, newest accepted first.</summary>
/// <param name="Next">The cursor (a <see cref="Search.MessageCursor"/>) of the next page; null on the last page.</param>
public sealed record FailedMessagePage(IReadOnlyList<FailedMessage> Messages, string? Next);
