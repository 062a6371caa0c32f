using System.Text.Json;

namespace Exchange.Gateway.Broker.Envelopes;

/// <summary>How envelopes are read and written: camelCase JSON, as the v0 message was; a field an envelope needs is never missing or null.</summary>
internal static class EnvelopeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static T Read<T>(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize<T>(body.Span, Options) ?? throw new JsonException("The body is JSON null.");
}
