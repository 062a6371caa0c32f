using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>A message handed to its recipient, hidden from others until <see cref="LeasedUntil"/>.</summary>
public sealed record LeasedMessage(StoredMessage Message, DateTimeOffset DeliveredAt, DateTimeOffset LeasedUntil, int DeliveryCount);
