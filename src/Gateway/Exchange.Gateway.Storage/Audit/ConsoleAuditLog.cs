using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Audit;

/// <summary>
/// Appends to the console's audit (<c>console_audit</c>) inside the caller's transaction, so an action and its record
/// commit together or not at all: content shown without its audit entry, or a requeue without one, cannot happen.
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
}
