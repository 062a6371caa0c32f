namespace Exchange.Protocol.Messages;

/// <summary>A response as the gateway hands it to the requester in <c>GetResponseResponse</c>.</summary>
/// <param name="ResponseDataXml">The responder's <c>SenderProvidedResponseData</c>, as stored on acceptance.</param>
/// <param name="OriginalMessageId">The request this answers.</param>
public sealed record DeliveredResponse(string ResponseDataXml, Guid OriginalMessageId, MessageMetadata Metadata)
{
    public IReadOnlyList<Attachments.AttachmentContent> Attachments { get; init; } = [];

    /// <summary>The responder's signature over the response data (see <see cref="Messages.SenderSignature"/>), when it was kept.</summary>
    public string? SenderSignatureXml { get; init; }
}
