namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>Wakes the sender when this process enqueued something, instead of at its next poll.</summary>
internal sealed class OutboxSignal
{
    // No maximum count: two racing notifications may leave a spare wake-up, which costs one empty look.
    private readonly SemaphoreSlim _enqueued = new(0);

    public void Notify()
    {
        if (_enqueued.CurrentCount == 0)
        {
            _enqueued.Release();
        }
    }

    /// <summary>Returns true when notified, false when <paramref name="pollInterval"/> has passed.</summary>
    public Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _enqueued.WaitAsync(pollInterval, cancellationToken);
}
