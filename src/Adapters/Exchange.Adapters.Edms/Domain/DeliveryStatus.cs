namespace Exchange.Adapters.Edms.Domain;

/// <summary>One event of the gateway's status stream about a message this EDMS sent (e.g. <c>messageIsDelivered</c>).</summary>
public sealed record DeliveryStatus(string Category, string? Details, DateTimeOffset ReceivedAt);
