namespace Exchange.Domain.Delivery;

/// <summary>A message's row in its recipient's inbox: when the broker handed it over and how often it was leased.</summary>
public sealed record InboxDelivery(DateTimeOffset ReceivedAt, int DeliveryCount, DateTimeOffset? DeliveredAt, DateTimeOffset? AcknowledgedAt);
