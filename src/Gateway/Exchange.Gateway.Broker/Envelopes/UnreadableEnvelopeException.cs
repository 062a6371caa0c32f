namespace Exchange.Gateway.Broker.Envelopes;

/// <summary>
/// A delivery whose envelope this node cannot read (an unknown version, a malformed body): a failure of that message,
/// which the consumer returns to its queue and, past the delivery limit, dead-letters.
/// </summary>
public sealed class UnreadableEnvelopeException(string message, Exception? innerException = null) : Exception(message, innerException);
