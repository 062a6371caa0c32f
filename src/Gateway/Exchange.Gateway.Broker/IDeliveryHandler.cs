namespace Exchange.Gateway.Broker;

/// <summary>
/// Takes a message off a recipient queue into durable storage. The broker message is acknowledged only
/// after this returns; if it throws, the message goes back to the queue (and, past the delivery limit,
/// to the dead-letter queue).
/// </summary>
public interface IDeliveryHandler
{
    Task HandleAsync(string recipient, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    /// <summary>
    /// The message failed its last hand-over the queue allows and goes to the dead-letter queue next, where it stays
    /// for operators. Called once, before that, so the message's own history can say it failed and why.
    /// </summary>
    Task GiveUpAsync(string recipient, ReadOnlyMemory<byte> body, Exception lastFailure, CancellationToken cancellationToken);
}
