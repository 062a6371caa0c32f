using Exchange.Protocol.Messages;

namespace Exchange.Domain.Messages.Search;

/// <summary>One message as a search lists it: its metadata and where it is now, never its content.</summary>
/// <param name="Status">Its current status (the last entry of its history) and when it got it.</param>
/// <param name="AnswerDueAt">For a request whose type has an answer deadline: when its answer is due.</param>
/// <param name="AnsweredAt">When the request was first answered or rejected (its status may have moved on since).</param>
public sealed record FoundMessage(Guid MessageId, MessageKind Kind, string Sender, string Recipient, string NamespaceUri,
    string RootElement, string Status, DateTimeOffset StatusAt, DateTimeOffset AcceptedAt, DateTimeOffset? AnswerDueAt,
    DateTimeOffset? AnsweredAt, bool IsTest)
{
    /// <summary>
    /// Past its answer deadline at <paramref name="now"/> without an answer, and still owed one (see
    /// <see cref="MessageStatus.NoAnswerOwed"/>): what the overdue search finds.
    /// </summary>
    public bool IsOverdueAt(DateTimeOffset now) => AnswerDueAt < now && AnsweredAt is null && !MessageStatus.NoAnswerOwed.Contains(Status);
}
