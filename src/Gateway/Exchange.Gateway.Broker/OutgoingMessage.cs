namespace Exchange.Gateway.Broker;

/// <summary>A message to put on a recipient's queue.</summary>
/// <param name="Type">The AMQP <c>type</c>: which envelope (and version) the body is, see <see cref="Envelopes.DeliveryEnvelope"/>.</param>
public sealed record OutgoingMessage(string Recipient, string MessageId, string Type, ReadOnlyMemory<byte> Body);
