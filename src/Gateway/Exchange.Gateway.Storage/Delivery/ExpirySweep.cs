using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>
/// Expires messages whose EOL passed before their recipient acknowledged them: the inbox row is marked expired (never
/// leased or acknowledged again) and the history and the sender's status stream record <c>expired</c>, in one
/// transaction per batch. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several nodes sweeping at once
/// share the work, and a row an Ack holds is taken by whichever commits first: a row expired here no longer matches
/// the Ack's update, and a row acknowledged first no longer matches the sweep's. Running it again finds nothing new.
/// </summary>
public sealed class ExpirySweep(NpgsqlDataSource dataSource)
{
    /// <returns>How many messages this batch expired; fewer than <paramref name="batchSize"/> means nothing is left now.</returns>
    public async Task<int> ExpireBatchAsync(DateTimeOffset now, int batchSize, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var expired = new List<Guid>();
        var reasons = new List<string?>();
        await using (var command = new NpgsqlCommand("""
            WITH due AS (
                SELECT recipient, message_id FROM inbox
                WHERE end_of_life <= $1 AND acknowledged_at IS NULL AND expired_at IS NULL
                ORDER BY end_of_life
                LIMIT $2
                FOR UPDATE SKIP LOCKED)
            UPDATE inbox i SET expired_at = $1
            FROM due
            WHERE i.recipient = due.recipient AND i.message_id = due.message_id
            RETURNING i.message_id, i.end_of_life
            """, connection))
        {
            command.Parameters.AddWithValue(now);
            command.Parameters.AddWithValue(batchSize);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add(reader.GetGuid(0));
                reasons.Add(EndOfLife.ExpiredReason(reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }
        if (expired.Count > 0)
        {
            await StatusHistory.AppendManyAsync(connection, expired, reasons, MessageStatus.Expired, now, actor, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }
}
