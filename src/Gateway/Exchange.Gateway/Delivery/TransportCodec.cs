using System.Text.Json;
using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// How a stored message travels through the broker: all of it, as JSON, so the receiving side needs
/// nothing from the sender's database.
/// </summary>
public static class TransportCodec
{
    public static byte[] Encode(StoredMessage message) => JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web);

    public static StoredMessage Decode(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize<StoredMessage>(body.Span, JsonSerializerOptions.Web)
        ?? throw new JsonException("The broker message body is JSON null.");
}
