namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>Reads what became of the messages given to the outbox (<see cref="Hosting.IExchangeOutbox"/>).</summary>
public sealed class ExchangeOutboxStatus
{
    private readonly OutboxStore _store;

    internal ExchangeOutboxStatus(OutboxStore store) => _store = store;

    /// <returns>Null when the outbox has no entry with that MessageID (never enqueued, or its transaction rolled back).</returns>
    public Task<ExchangeOutboxEntry?> GetStateAsync(Guid messageId, CancellationToken cancellationToken = default) =>
        _store.GetAsync(messageId, cancellationToken);
}
