using System.Data.Common;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// An entry taken for sending: its connection (and, where senders must not meet, the transaction locking it) stays
/// open until it is marked. Disposed unmarked (a crash, a stop), the entry stays pending for the next attempt.
/// </summary>
internal sealed class OutboxLease(OutboxStore store, DbConnection connection, DbTransaction? transaction, OutboxEntry entry) : IAsyncDisposable
{
    public OutboxEntry Entry { get; } = entry;

    public Task MarkSentAsync(DateTimeOffset? sentAt, CancellationToken cancellationToken) =>
        CompleteAsync(store.MarkSentAsync(connection, transaction, Entry.MessageId, sentAt, cancellationToken), cancellationToken);

    public Task MarkFailedAsync(string fault, string error, CancellationToken cancellationToken) =>
        CompleteAsync(store.MarkFailedAsync(connection, transaction, Entry.MessageId, fault, error, cancellationToken), cancellationToken);

    public Task PostponeAsync(DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        CompleteAsync(store.PostponeAsync(connection, transaction, Entry.MessageId, nextAttemptAt, error, cancellationToken), cancellationToken);

    public ValueTask DisposeAsync() => OutboxStore.ReleaseAsync(connection, transaction);

    private async Task CompleteAsync(Task mark, CancellationToken cancellationToken)
    {
        await mark;
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
