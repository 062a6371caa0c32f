using System.Xml;
using Exchange.Protocol.Attachments;

namespace Exchange.Protocol.Messages;

/// <summary>
/// A message as the gateway hands it out: a <see cref="DeliveredRequest"/> to its recipient, a
/// <see cref="DeliveredResponse"/> to the requester (see <see cref="GetMessageResponse"/>).
/// </summary>
public abstract record DeliveredMessage(MessageMetadata Metadata)
{
    public IReadOnlyList<AttachmentContent> Attachments { get; init; } = [];

    /// <summary>The sender's signature over its data (see <see cref="Messages.SenderSignature"/>), when it was kept.</summary>
    public string? SenderSignatureXml { get; init; }

    /// <summary><see cref="MessageKind.Request"/> or <see cref="MessageKind.Response"/>: the queue it was taken from.</summary>
    public abstract MessageKind Queue { get; }

    /// <summary>Writes what comes before the sender's signature inside the gateway-signed <c>Request</c> or <c>Response</c>.</summary>
    internal abstract void WriteContent(XmlWriter writer);
}
