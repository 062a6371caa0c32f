namespace Exchange.Protocol.Messages;

/// <summary>A request as the gateway hands it to its recipient in <c>GetRequestResponse</c>.</summary>
/// <param name="RequestDataXml">The sender's <c>SenderProvidedRequestData</c>, as stored on acceptance.</param>
/// <param name="ReplyTo">Opaque address the recipient copies into <c>To</c> when it answers.</param>
public sealed record DeliveredRequest(string RequestDataXml, MessageMetadata Metadata, string ReplyTo)
{
    public IReadOnlyList<Attachments.AttachmentContent> Attachments { get; init; } = [];

    /// <summary>The sender's signature over the request data (see <see cref="Messages.SenderSignature"/>), when it was kept.</summary>
    public string? SenderSignatureXml { get; init; }
}
