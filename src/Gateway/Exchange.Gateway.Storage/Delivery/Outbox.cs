using Exchange.Domain.Delivery;
using Npgsql;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>The transactional outbox: messages accepted but not yet confirmed by the broker.</summary>
public sealed class Outbox(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>
    /// Locks up to <paramref name="batchSize"/> pending rows (rows other gateways hold are skipped), lets
    /// <paramref name="publish"/> hand them to the broker, then marks them published in the same transaction.
    /// (<c>queued</c> is recorded when the message reaches the recipient's inbox: a recipient may take it before
    /// this transaction commits, and the history must not say <c>delivered</c> before <c>queued</c>.) If <paramref name="publish"/> throws nothing is marked and the rows are retried;
    /// if the commit fails after a publish, they are published again, which the recipient's inbox absorbs.
    /// Only which message goes to whom is relayed: the recipient's node reads the rest from this (shared) database.
    /// </summary>
    /// <returns>How many messages were relayed.</returns>
    public async Task<int> RelayBatchAsync(int batchSize,
        Func<IReadOnlyList<RelayedMessage>, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ids = new List<long>();
        var messages = new List<RelayedMessage>();
        await using (var claim = new NpgsqlCommand("""
            SELECT id, message_id, recipient
            FROM outbox
            WHERE published_at IS NULL
            ORDER BY id
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """, connection))
        {
            claim.Parameters.AddWithValue(batchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                messages.Add(new RelayedMessage(reader.GetGuid(1), reader.GetString(2)));
            }
        }
        if (ids.Count == 0)
        {
            return 0;
        }

        await publish(messages, cancellationToken);

        var now = time.GetUtcNow();
        await using (var mark = new NpgsqlCommand("UPDATE outbox SET published_at = $1 WHERE id = ANY($2)", connection))
        {
            mark.Parameters.AddWithValue(now);
            mark.Parameters.AddWithValue(ids.ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return ids.Count;
    }

    public async Task<long> PendingCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM outbox WHERE published_at IS NULL");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
