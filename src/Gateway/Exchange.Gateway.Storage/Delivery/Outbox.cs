using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>The transactional outbox: messages accepted but not yet confirmed by the broker.</summary>
public sealed class Outbox(NpgsqlDataSource dataSource, TimeProvider time)
{
    // A batch is held in memory while it is published: with files of up to several MiB per message, a batch of
    // hundreds must be cut by bytes as well as by rows. The rows left out stay pending for the next batch.
    public const long DefaultMaxAttachmentBytesPerBatch = 64L * 1024 * 1024;

    /// <summary>
    /// Locks up to <paramref name="batchSize"/> pending rows (rows other gateways hold are skipped), lets
    /// <paramref name="publish"/> hand them to the broker, then marks them published in the same transaction.
    /// (<c>queued</c> is recorded when the message reaches the recipient's inbox: a recipient may take it before
    /// this transaction commits, and the history must not say <c>delivered</c> before <c>queued</c>.) If <paramref name="publish"/> throws nothing is marked and the rows are retried;
    /// if the commit fails after a publish, they are published again, which the recipient's inbox absorbs.
    /// </summary>
    /// <param name="maxAttachmentBytes">Most attachment bytes in one batch (a single larger message still goes, alone).</param>
    /// <returns>How many messages were relayed.</returns>
    public async Task<int> RelayBatchAsync(int batchSize,
        Func<IReadOnlyList<AcceptedMessage>, CancellationToken, Task> publish, CancellationToken cancellationToken,
        long maxAttachmentBytes = DefaultMaxAttachmentBytesPerBatch)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ids = new List<long>();
        var messages = new List<AcceptedMessage>();
        await using (var claim = new NpgsqlCommand($"""
            SELECT o.id, {Prefixed("m")}
            FROM outbox o JOIN messages m ON m.message_id = o.message_id
            WHERE o.published_at IS NULL
            ORDER BY o.id
            LIMIT $1
            FOR UPDATE OF o SKIP LOCKED
            """, connection))
        {
            claim.Parameters.AddWithValue(batchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                messages.Add(MessageStore.Read(reader, offset: 1));
            }
        }
        if (ids.Count == 0)
        {
            return 0;
        }
        var kept = await MessageAttachments.FittingBatchAsync(connection, messages, maxAttachmentBytes, cancellationToken);
        ids.RemoveRange(kept, ids.Count - kept);
        messages.RemoveRange(kept, messages.Count - kept);

        await publish(await MessageAttachments.WithAttachmentsAsync(connection, messages, cancellationToken), cancellationToken);

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

    private static string Prefixed(string alias) =>
        string.Join(", ", MessageStore.Columns.Split(", ").Select(c => $"{alias}.{c}"));
}
