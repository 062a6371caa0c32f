namespace Exchange.Gateway.Delivery;

/// <summary>Wakes the outbox relay as soon as a message is accepted, instead of at its next poll.</summary>
public sealed class RelaySignal
{
    private readonly WakeSignal _signal = new();

    public void Notify() => _signal.Notify();

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed.</summary>
    /// <remarks>
    /// On the real clock, not the gateway's: the relay must keep polling where that clock stands still (the tests fix it).
    /// </remarks>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _signal.WaitAsync(timeout, TimeProvider.System, cancellationToken);
}
