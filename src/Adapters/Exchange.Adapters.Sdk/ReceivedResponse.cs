using System.Xml;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Sdk;

/// <summary>A response taken from this system's queue with GetResponse; acknowledge it with Ack once stored.</summary>
/// <param name="BusinessContent">The answer document; null when the provider rejected the request or sent a status.</param>
/// <param name="Rejections">The provider's rejection reason codes, when it rejected the request.</param>
public sealed record ReceivedResponse(MessageMetadata Metadata, Guid OriginalMessageId, XmlElement ResponseData,
    XmlElement? BusinessContent, IReadOnlyList<string> Rejections)
{
    public Guid MessageId => Metadata.MessageId;

    /// <summary>
    /// Whether the sender's own signature proves who wrote the response (see <see cref="Sdk.Authorship"/>): check
    /// <see cref="Sdk.Authorship.IsProven"/> before relying on it; the SDK hands out unproven messages so they can be answered.
    /// </summary>
    public required Authorship Authorship { get; init; }

    /// <summary>The files that came with the response, each with the outcome of its signature check.</summary>
    public IReadOnlyList<Attachments.ReceivedAttachment> Attachments { get; init; } = [];
}
