using Npgsql;

namespace Exchange.Bench;

/// <summary>
/// Where the send→ack time goes, from the timestamps the gateway itself recorded per message: in the outbox until the
/// broker confirmed it, on the way through the broker into the recipient's inbox, waiting there for a GetRequest, and
/// from the hand-over to the Ack.
/// </summary>
public sealed class StageBreakdown(string connectionString)
{
    // published_at is taken once the broker has confirmed the relay's whole batch, so a message can reach the inbox
    // before it: "accepted -> in inbox" is measured from the accept, not from the publish.
    private const string Sql = """
        WITH timeline AS (
            SELECT m.accepted_at, o.published_at, i.received_at, i.acknowledged_at,
                (SELECT min(s.at) FROM message_status s WHERE s.message_id = m.message_id AND s.status = 'delivered') AS delivered_at
            FROM messages m
            JOIN inbox i ON i.message_id = m.message_id
            JOIN outbox o ON o.message_id = m.message_id
            WHERE m.accepted_at >= $1)
        SELECT stage, percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms), max(ms), count(ms)
        FROM timeline, LATERAL (VALUES
            (1, 'accepted -> published', extract(epoch FROM published_at - accepted_at)::float8 * 1000),
            (2, 'accepted -> in inbox', extract(epoch FROM received_at - accepted_at)::float8 * 1000),
            (3, 'in inbox -> delivered', extract(epoch FROM delivered_at - received_at)::float8 * 1000),
            (4, 'delivered -> acked', extract(epoch FROM acknowledged_at - delivered_at)::float8 * 1000)) AS s(position, stage, ms)
        GROUP BY position, stage
        ORDER BY position
        """;

    /// <summary>Percentiles per stage of the messages accepted since <paramref name="since"/>, in milliseconds.</summary>
    public async Task<IReadOnlyList<(string Stage, LatencySummary Latency)>> MeasureAsync(DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.AddWithValue(since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stages = new List<(string, LatencySummary)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var percentiles = reader.IsDBNull(1) ? [double.NaN, double.NaN, double.NaN] : reader.GetFieldValue<double[]>(1);
            var max = reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2);
            stages.Add((reader.GetString(0), new LatencySummary((int)reader.GetInt64(3), percentiles[0], percentiles[1], percentiles[2], max)));
        }
        return stages;
    }
}
