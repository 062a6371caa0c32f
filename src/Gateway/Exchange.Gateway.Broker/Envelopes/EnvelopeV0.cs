using System.Text.Json.Serialization;
using Exchange.Domain.Delivery;

namespace Exchange.Gateway.Broker.Envelopes;

/// <summary>
/// Envelope v0, read only: what releases before v1 published, with no AMQP <c>type</c> — the whole accepted message
/// as camelCase JSON (<c>messageId</c>, <c>kind</c>, <c>sender</c>, <c>recipient</c>, <c>content</c>, its attachments
/// with base64 content, <c>senderSignature</c>, …). The message row is in the shared database already, so only its id
/// and recipient are read; the other fields are ignored.
/// </summary>
internal sealed record EnvelopeV0(
    [property: JsonPropertyName("messageId")] Guid MessageId,
    [property: JsonPropertyName("recipient")] string Recipient)
{
    public static RelayedMessage Read(ReadOnlyMemory<byte> body)
    {
        var envelope = EnvelopeJson.Read<EnvelopeV0>(body);
        return new RelayedMessage(envelope.MessageId, envelope.Recipient);
    }
}
