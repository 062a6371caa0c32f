using Exchange.Domain.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>Each sender's status stream, read by GetStatus: every event is handed out once, oldest first.</summary>
public sealed class StatusStream(NpgsqlDataSource dataSource)
{
    public async Task<StatusEvent?> TakeNextAsync(string participant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE status_events SET taken_at = $2
            WHERE id = (SELECT id FROM status_events WHERE participant = $1 AND taken_at IS NULL
                        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING message_id, category, details, created_at
            """);
        command.Parameters.AddWithValue(participant);
        command.Parameters.AddWithValue(now);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StatusEvent(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3))
            : null;
    }
}
