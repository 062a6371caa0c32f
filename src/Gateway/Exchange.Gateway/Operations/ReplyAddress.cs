using System.Text;
using System.Text.Json;
using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Operations;

/// <summary>
/// The opaque <c>ReplyTo</c> a recipient copies into its answer's <c>To</c>. Like SMEV's, it is Base64 JSON
/// naming the original message and its sender, so answers route without another lookup.
/// </summary>
public static class ReplyAddress
{
    public static string For(StoredMessage message) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new Address(message.MessageId, message.Sender), JsonSerializerOptions.Web)));

    private sealed record Address(Guid Mid, string Mnm);
}
