using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// Appends to the append-only status history, inside the caller's transaction, and reports the change in the
/// message sender's status stream when SMEV's vocabulary has a word for it.
/// </summary>
internal static class StatusHistory
{
    public static async Task AppendAsync(NpgsqlConnection connection, Guid messageId, string status, DateTimeOffset at,
        string actor, string? reason, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand(
            "INSERT INTO message_status (message_id, status, at, actor, reason) VALUES ($1, $2, $3, $4, $5)", connection))
        {
            command.Parameters.AddWithValue(messageId);
            command.Parameters.AddWithValue(status);
            command.Parameters.AddWithValue(at);
            command.Parameters.AddWithValue(actor);
            command.Parameters.AddWithValue((object?)reason ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (InteractionStatus.ForRequest(status) is not { } requestCategory)
        {
            return;
        }
        await using var report = new NpgsqlCommand("""
            INSERT INTO status_events (participant, message_id, category, details, created_at)
            SELECT sender, message_id, CASE kind WHEN 'response' THEN $3 ELSE $2 END, $4, $5
            FROM messages WHERE message_id = $1
            """, connection);
        report.Parameters.AddWithValue(messageId);
        report.Parameters.AddWithValue(requestCategory);
        report.Parameters.AddWithValue(InteractionStatus.ForResponse(status)!);
        report.Parameters.AddWithValue((object?)reason ?? DBNull.Value);
        report.Parameters.AddWithValue(at);
        await report.ExecuteNonQueryAsync(cancellationToken);
    }
}
