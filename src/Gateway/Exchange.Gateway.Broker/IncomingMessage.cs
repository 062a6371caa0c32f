namespace Exchange.Gateway.Broker;

/// <summary>A message taken off a recipient's queue, valid while its handler runs.</summary>
/// <param name="Recipient">Whose queue it came from.</param>
/// <param name="Type">The AMQP <c>type</c>: which envelope (and version) the body is; null for the unversioned v0.</param>
public sealed record IncomingMessage(string Recipient, string? Type, ReadOnlyMemory<byte> Body);
