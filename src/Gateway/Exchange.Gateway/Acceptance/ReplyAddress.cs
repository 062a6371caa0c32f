using System.Text;
using System.Text.Json;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Acceptance;

/// <summary>
/// The opaque <c>ReplyTo</c> a recipient copies into its answer's <c>To</c>. Like SMEV's, it is Base64 JSON
/// naming the original message and its sender, so answers route without another lookup.
/// </summary>
public sealed record ReplyAddress(Guid Mid, string Mnm)
{
    public static string For(AcceptedMessage message) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new ReplyAddress(message.MessageId, message.Sender), JsonSerializerOptions.Web)));

    /// <summary>The address in a <c>To</c>; null when it is not one the gateway issued.</summary>
    public static ReplyAddress? Parse(string to)
    {
        try
        {
            var address = JsonSerializer.Deserialize<ReplyAddress>(Convert.FromBase64String(to), JsonSerializerOptions.Web);
            return address is { Mnm.Length: > 0 } && address.Mid != Guid.Empty ? address : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
