using Exchange.Protocol.Messages;

namespace Exchange.Domain.Messages;

/// <summary>An accepted message as the gateway keeps it.</summary>
/// <param name="Content">The sender's <c>SenderProvidedRequestData</c>, self-contained XML.</param>
public sealed record AcceptedMessage(
    Guid MessageId,
    MessageKind Kind,
    string Sender,
    string Recipient,
    string NamespaceUri,
    string RootElement,
    Guid? ReferenceMessageId,
    string? TransactionCode,
    bool IsTest,
    byte[] ContentSha256,
    string Content,
    DateTimeOffset AcceptedAt)
{
    /// <summary>For a response: the request it answers.</summary>
    public Guid? OriginalMessageId { get; init; }

    /// <summary>For a copy of a broadcast: the broadcast as the sender sent it.</summary>
    public Guid? BroadcastMessageId { get; init; }

    /// <summary>A broadcast as its sender sent it: delivered only through its copies.</summary>
    public bool IsBroadcastOriginal => Kind == MessageKind.Broadcast && BroadcastMessageId is null;

    /// <summary>For a request of a type with an answer deadline: when the answer is due.</summary>
    public DateTimeOffset? AnswerDueAt { get; init; }

    /// <summary>The attachments, stored with the message.</summary>
    public IReadOnlyList<AcceptedAttachment> Attachments { get; init; } = [];

    public long AttachmentBytes => Attachments.Sum(a => a.Size);

    /// <summary>For a request: its EOL, after which it is expired unless its recipient acknowledged it.</summary>
    public DateTimeOffset? EndOfLife { get; init; }

    /// <summary>
    /// The sender's <c>ds:Signature</c> over <see cref="Content"/> (its verified CallerInformationSystemSignature), as
    /// self-contained XML; handed to the recipient as <c>SenderInformationSystemSignature</c>. Null for a message
    /// accepted before the gateway kept it.
    /// </summary>
    public string? SenderSignature { get; init; }
}
