using System.Xml;
using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Sdk;

/// <summary>A request taken from this system's queue with GetRequest; acknowledge it with Ack once stored.</summary>
public sealed record ReceivedRequest(MessageMetadata Metadata, XmlElement RequestData, XmlElement BusinessContent, string? ReplyTo, bool IsTest)
{
    public Guid MessageId => Metadata.MessageId;

    /// <summary>
    /// Whether the sender's own signature proves who wrote the request (see <see cref="Sdk.Authorship"/>): check
    /// <see cref="Sdk.Authorship.IsProven"/> before relying on it; the SDK hands out unproven messages so they can be answered.
    /// </summary>
    public required Authorship Authorship { get; init; }

    /// <summary>The files that came with the request, each with the outcome of its signature check.</summary>
    public IReadOnlyList<Attachments.ReceivedAttachment> Attachments { get; init; } = [];
}
