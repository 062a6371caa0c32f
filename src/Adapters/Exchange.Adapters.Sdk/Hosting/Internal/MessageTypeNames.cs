using Exchange.Protocol.Messages;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>Message types as configuration writes them: <c>{namespace}RootElement</c>, as <see cref="MessageType.ToString"/> prints them.</summary>
internal static class MessageTypeNames
{
    public static MessageType? TryParse(string text)
    {
        var close = text.IndexOf('}', StringComparison.Ordinal);
        if (!text.StartsWith('{') || close < 2 || close == text.Length - 1)
        {
            return null;
        }
        return new MessageType(text[1..close], text[(close + 1)..]);
    }

    /// <summary>The types to receive, each with a receiver of its own; one receiver of every type (null) when none is named.</summary>
    public static IReadOnlyList<MessageType?> Selectors(string[] configured) =>
        configured.Length == 0 ? [null] : [.. configured.Select(name => TryParse(name)!)];
}
