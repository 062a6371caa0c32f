using System.Text.Json;
using Exchange.Domain.Delivery;

namespace Exchange.Gateway.Broker.Envelopes;

/// <summary>
/// What the broker carries from the node that accepted a message to its recipient's inbox: a claim check, versioned in
/// the AMQP <c>type</c> property, never a storage record. A node reads the current version and the one before it, so
/// nodes can be upgraded one at a time.
/// </summary>
/// <remarks>
/// Versions: <see cref="V1"/> (<see cref="EnvelopeV1"/>); v0, the whole accepted message as JSON that releases before
/// v1 published with no <c>type</c> (<see cref="EnvelopeV0"/>), read only.
/// </remarks>
public static class DeliveryEnvelope
{
    /// <summary>The AMQP <c>type</c> of the envelope this release publishes.</summary>
    public const string V1 = "exchange.delivery.v1";

    public static OutgoingMessage Encode(RelayedMessage message) =>
        new(message.Recipient, message.MessageId.ToString(), V1, EnvelopeV1.From(message).ToJson());

    /// <param name="type">The delivery's AMQP <c>type</c>; null for the unversioned v0.</param>
    /// <exception cref="UnreadableEnvelopeException">An unknown version, or a body its version cannot read.</exception>
    public static RelayedMessage Decode(string? type, ReadOnlyMemory<byte> body)
    {
        try
        {
            return type switch
            {
                null => EnvelopeV0.Read(body),
                V1 => EnvelopeV1.Read(body),
                _ => throw new UnreadableEnvelopeException(
                    $"The delivery envelope version '{type}' is unknown to this node: it reads {V1} and the unversioned v0 (no type). " +
                    "A node of a later release published it; upgrade this node."),
            };
        }
        catch (JsonException e)
        {
            throw new UnreadableEnvelopeException($"The delivery envelope ({type ?? "v0, no type"}) is not readable: {e.Message}", e);
        }
    }
}
