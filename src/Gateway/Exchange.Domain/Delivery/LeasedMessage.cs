using Exchange.Domain.Messages;

namespace Exchange.Domain.Delivery;

/// <summary>A message leased to its recipient: hidden from further calls until it is acknowledged or the lease runs out.</summary>
public sealed record LeasedMessage(AcceptedMessage Message, DateTimeOffset DeliveredAt, int DeliveryCount);
