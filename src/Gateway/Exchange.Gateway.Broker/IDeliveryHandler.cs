namespace Exchange.Gateway.Broker;

/// <summary>
/// Takes a message off a recipient queue into durable storage. The broker message is acknowledged only
/// after this returns; if it throws, the message goes back to the queue (and, past the delivery limit,
/// to the dead-letter queue).
/// </summary>
public interface IDeliveryHandler
{
    Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// The message failed the last hand-over the queue allows and goes to the dead-letter queue next, where it stays for
    /// operators: called before that, so the message's own history can say it failed. A message relayed twice may be
    /// given up twice; the handler records it once.
    /// </summary>
    Task GiveUpAsync(IncomingMessage message, CancellationToken cancellationToken);
}
