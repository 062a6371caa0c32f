using Npgsql;

namespace Exchange.Bench;

/// <summary>
/// Verifies from the gateway's own tables that the run ended where it should: every message stored, its last
/// status <c>acknowledged</c>, and never handed over again after its Ack.
/// </summary>
public sealed class DeliveryChecks(string connectionString)
{
    private static readonly TimeSpan OutboxDrainLimit = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<CheckResult>> RunAsync(int acceptedMessages, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // The relay marks a batch published only after the broker confirmed all of it, which can be after the run's last
        // Ack: wait for that, so the checks read the state the gateway settles in rather than one in flight.
        var pending = await WaitForOutboxAsync(connection, cancellationToken);
        var stored = await ScalarAsync(connection, "SELECT count(*) FROM messages", cancellationToken);
        var notAcknowledged = await ScalarAsync(connection, """
            SELECT count(*) FROM (
                SELECT DISTINCT ON (message_id) status FROM message_status ORDER BY message_id, id DESC) last
            WHERE status <> 'acknowledged'
            """, cancellationToken);
        var lastStatuses = await LastStatusesAsync(connection, cancellationToken);
        var deliveredAfterAck = await ScalarAsync(connection, """
            SELECT count(*) FROM message_status delivered
            JOIN message_status ack ON ack.message_id = delivered.message_id AND ack.status = 'acknowledged'
            WHERE delivered.status = 'delivered' AND delivered.id > ack.id
            """, cancellationToken);

        return
        [
            new("outbox drained", pending == 0, $"{pending} rows unpublished"),
            new("every accepted message stored", stored == acceptedMessages, $"{stored} stored, {acceptedMessages} accepted"),
            new("last status of every message is acknowledged", notAcknowledged == 0 && stored > 0, lastStatuses),
            new("no delivery after an acknowledgement", deliveredAfterAck == 0, $"{deliveredAfterAck} 'delivered' rows after 'acknowledged'"),
        ];
    }

    private static async Task<long> WaitForOutboxAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + OutboxDrainLimit;
        while (true)
        {
            var pending = await ScalarAsync(connection, "SELECT count(*) FROM outbox WHERE published_at IS NULL", cancellationToken);
            if (pending == 0 || DateTime.UtcNow > deadline)
            {
                return pending;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>How many messages end in each status, e.g. "acknowledged: 1998, queued: 2".</summary>
    private static async Task<string> LastStatusesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT status, count(*) FROM (
                SELECT DISTINCT ON (message_id) status FROM message_status ORDER BY message_id, id DESC) last
            GROUP BY status ORDER BY count(*) DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var parts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            parts.Add($"{reader.GetString(0)}: {reader.GetInt64(1)}");
        }
        return parts.Count == 0 ? "no status rows" : string.Join(", ", parts);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
