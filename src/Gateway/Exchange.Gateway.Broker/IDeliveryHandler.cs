namespace Exchange.Gateway.Broker;

/// <summary>
/// Takes a message off a recipient queue into durable storage. The broker message is acknowledged only
/// after this returns; if it throws, the message goes back to the queue (and, past the delivery limit,
/// to the dead-letter queue).
/// </summary>
public interface IDeliveryHandler
{
    Task HandleAsync(string recipient, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);
}
