using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// How a stored message travels through the broker: all of it, as JSON, so the receiving side needs
/// nothing from the sender's database.
/// </summary>
public static class TransportCodec
{
    // The kind travels as the word the database holds ("request"), as it did when it was a string.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static byte[] Encode(AcceptedMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, Json);

    public static AcceptedMessage Decode(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize<AcceptedMessage>(body.Span, Json)
        ?? throw new JsonException("The broker message body is JSON null.");
}
