using Exchange.Protocol.Messages;

namespace Exchange.Domain.Messages.Search;

/// <summary>One message as a search lists it: its metadata and where it is now, never its content.</summary>
/// <param name="Status">Its current status (the last entry of its history) and when it got it.</param>
/// <param name="AnswerDueAt">For a request whose type has an answer deadline: when its answer is due.</param>
public sealed record FoundMessage(Guid MessageId, MessageKind Kind, string Sender, string Recipient, string NamespaceUri,
    string RootElement, string Status, DateTimeOffset StatusAt, DateTimeOffset AcceptedAt, DateTimeOffset? AnswerDueAt, bool IsTest);
