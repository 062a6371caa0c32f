using Exchange.Domain.Audit;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Audit;

/// <summary>
/// Appends to the console's audit (<c>console_audit</c>) inside the caller's transaction, so an action and its record
/// commit together or not at all: content shown without its audit entry, or a requeue without one, cannot happen.
/// Read back per message for its timeline.
/// </summary>
internal static class ConsoleAuditLog
{
    public static async Task AppendAsync(NpgsqlConnection connection, DateTimeOffset at, string actor, string action,
        Guid? messageId, string reason, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO console_audit (at, actor, action, message_id, reason) VALUES ($1, $2, $3, $4, $5)", connection);
        command.Parameters.AddWithValue(at);
        command.Parameters.AddWithValue(actor);
        command.Parameters.AddWithValue(action);
        command.Parameters.Add(NullableParameter.Uuid(messageId));
        command.Parameters.AddWithValue(reason);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>What console users did to the message, oldest first.</summary>
    public static async Task<IReadOnlyList<ConsoleAuditEntry>> ForMessageAsync(NpgsqlConnection connection, Guid messageId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT at, actor, action, reason, node FROM console_audit WHERE message_id = $1 ORDER BY id", connection);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ConsoleAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ConsoleAuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return entries;
    }
}
