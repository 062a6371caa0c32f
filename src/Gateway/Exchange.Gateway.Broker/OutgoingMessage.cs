namespace Exchange.Gateway.Broker;

/// <summary>A message to put on a recipient's queue.</summary>
public sealed record OutgoingMessage(string Recipient, string MessageId, ReadOnlyMemory<byte> Body);
