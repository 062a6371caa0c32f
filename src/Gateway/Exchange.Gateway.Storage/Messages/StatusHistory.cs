using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>Appends to the append-only status history, inside the caller's transaction.</summary>
internal static class StatusHistory
{
    public static async Task AppendAsync(NpgsqlConnection connection, Guid messageId, string status, DateTimeOffset at,
        string actor, string? reason, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO message_status (message_id, status, at, actor, reason) VALUES ($1, $2, $3, $4, $5)", connection);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue((object?)reason ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
