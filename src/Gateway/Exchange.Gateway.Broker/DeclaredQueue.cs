namespace Exchange.Gateway.Broker;

/// <summary>A recipient's queue as <see cref="DeliveryTopology.DeclareRecipientAsync"/> found or made it.</summary>
/// <param name="Mismatch">The broker's refusal of our arguments when the queue existed with others; null when it has ours.</param>
public sealed record DeclaredQueue(string Name, string? Mismatch);
