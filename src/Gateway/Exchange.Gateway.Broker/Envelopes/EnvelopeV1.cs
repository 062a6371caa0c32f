using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Domain.Delivery;

namespace Exchange.Gateway.Broker.Envelopes;

/// <summary>
/// Envelope v1 (<see cref="DeliveryEnvelope.V1"/>): <c>{"messageId":"…","recipient":"…"}</c>. The recipient's inbox
/// finds the rest in the <c>messages</c> row. Its fields are the wire: renaming one is a new version.
/// </summary>
internal sealed record EnvelopeV1(
    [property: JsonPropertyName("messageId")] Guid MessageId,
    [property: JsonPropertyName("recipient")] string Recipient)
{
    public static EnvelopeV1 From(RelayedMessage message) => new(message.MessageId, message.Recipient);

    public static RelayedMessage Read(ReadOnlyMemory<byte> body)
    {
        var envelope = EnvelopeJson.Read<EnvelopeV1>(body);
        return new RelayedMessage(envelope.MessageId, envelope.Recipient);
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, EnvelopeJson.Options);
}
