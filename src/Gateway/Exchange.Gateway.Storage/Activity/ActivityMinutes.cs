using Npgsql;

namespace Exchange.Gateway.Storage.Activity;

/// <summary>
/// The per-minute counts behind the console's dashboard (<c>activity_minutes</c>): each node adds its own rows, readers
/// sum over nodes. Small by design: a day is at most 1,440 minutes of a few rows per node, whatever the message volume.
/// </summary>
public sealed class ActivityMinutes(NpgsqlDataSource dataSource)
{
    /// <summary>Adds <paramref name="counts"/> (one per minute, metric and key) to <paramref name="node"/>'s rows.</summary>
    public async Task AddAsync(string node, IReadOnlyCollection<ActivityCount> counts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO activity_minutes (minute, node, metric, key, count)
            SELECT minute, $1, metric, key, count FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::bigint[]) AS t (minute, metric, key, count)
            ON CONFLICT (minute, node, metric, key) DO UPDATE SET count = activity_minutes.count + excluded.count
            """);
        command.Parameters.AddWithValue(node);
        command.Parameters.AddWithValue(counts.Select(c => c.Minute).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Metric).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Key).ToArray());
        command.Parameters.AddWithValue(counts.Select(c => c.Count).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes at most <paramref name="limit"/> rows (of any node) older than <paramref name="before"/>, so that no
    /// call holds many row locks or runs long; returns how many it deleted.
    /// </summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM activity_minutes WHERE ctid IN (SELECT ctid FROM activity_minutes WHERE minute < $1 LIMIT $2)
            """);
        command.Parameters.AddWithValue(before);
        command.Parameters.AddWithValue((long)limit);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Each of <paramref name="metrics"/> per minute in [<paramref name="from"/>, <paramref name="to"/>), keys and nodes summed; the key comes back empty.</summary>
    public Task<IReadOnlyList<ActivityCount>> PerMinuteAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> metrics,
        CancellationToken cancellationToken) =>
        ReadAsync("""
            SELECT minute, metric, '', sum(count)::bigint FROM activity_minutes
            WHERE minute >= $1 AND minute < $2 AND metric = ANY($3)
            GROUP BY minute, metric
            """, from, to, metrics, cancellationToken);

    /// <summary>Each of <paramref name="metrics"/> per key over [<paramref name="from"/>, <paramref name="to"/>), minutes and nodes summed; the minute comes back as <paramref name="from"/>.</summary>
    public Task<IReadOnlyList<ActivityCount>> TotalsByKeyAsync(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> metrics,
        CancellationToken cancellationToken) =>
        ReadAsync("""
            SELECT $1::timestamptz, metric, key, sum(count)::bigint FROM activity_minutes
            WHERE minute >= $1 AND minute < $2 AND metric = ANY($3)
            GROUP BY metric, key
            """, from, to, metrics, cancellationToken);

    private async Task<IReadOnlyList<ActivityCount>> ReadAsync(string sql, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> metrics,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.AddWithValue(metrics.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<ActivityCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new ActivityCount(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return counts;
    }
}
