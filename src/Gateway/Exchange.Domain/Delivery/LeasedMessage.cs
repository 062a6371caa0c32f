using Exchange.Domain.Messages;

namespace Exchange.Domain.Delivery;

/// <summary>A message handed to its recipient, hidden from others until <see cref="LeasedUntil"/>.</summary>
public sealed record LeasedMessage(AcceptedMessage Message, DateTimeOffset DeliveredAt, DateTimeOffset LeasedUntil, int DeliveryCount);
