namespace Exchange.Gateway.Storage.Messages;

/// <summary>An accepted message as the gateway keeps and transports it.</summary>
/// <param name="Content">The sender's <c>SenderProvidedRequestData</c>, self-contained XML.</param>
public sealed record StoredMessage(
    Guid MessageId,
    string Kind,
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

    /// <summary>For a request: its EOL, after which it is expired unless its recipient acknowledged it.</summary>
    public DateTimeOffset? EndOfLife { get; init; }
}
