namespace Exchange.Protocol;

/// <summary>Namespaces of Exchange's own extensions to SMEV 3 (schemas/message-exchange/1.3/message-status-1.0.*).</summary>
public static class ExchangeNamespaces
{
    /// <summary>The per-message status lookup, <c>GetMessageStatus</c>.</summary>
    public const string MessageStatus = "urn://exchange.region/services/message-status/1.0";
}
