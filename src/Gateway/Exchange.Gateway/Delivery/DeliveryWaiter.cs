namespace Exchange.Gateway.Delivery;

/// <summary>
/// One GetRequest or GetResponse waiting for a message for <see cref="Recipient"/> (see <see cref="DeliveryWaiters"/>);
/// disposing it ends its wait.
/// </summary>
public sealed class DeliveryWaiter(string recipient, DeliveryWaiters registry, TimeProvider time) : IDisposable
{
    private readonly WakeSignal _signal = new();

    public string Recipient => recipient;

    internal void Wake() => _signal.Notify();

    /// <summary>
    /// Returns when woken since the last wait (a message may have arrived for the recipient, or the node is stopping) or
    /// when <paramref name="timeout"/> has passed on the gateway's clock.
    /// </summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, time, cancellationToken);

    public void Dispose() => registry.Remove(this);
}
