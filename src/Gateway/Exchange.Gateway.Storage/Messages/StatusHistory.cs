using Exchange.Domain.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// Appends to the append-only status history, inside the caller's transaction, keeps the message row's current
/// status in step with it (the console searches by it), and reports the change in the
/// message sender's status stream when SMEV's vocabulary has a word for it. A copy of a broadcast is reported under the
/// broadcast's MessageID — the only one its sender knows — with the copy's id and recipient in the details.
/// </summary>
internal static class StatusHistory
{
    public static Task AppendAsync(NpgsqlConnection connection, Guid messageId, string status, DateTimeOffset at,
        string actor, string? reason, CancellationToken cancellationToken, bool rowIsCurrent = false) =>
        AppendManyAsync(connection, [messageId], [reason], status, at, actor, cancellationToken, rowIsCurrent);

    /// <summary>
    /// The same change for many messages at once (one reason each), as set-based statements: the messages' current
    /// status (and, for an answer, when they were first answered), the history, and the senders' status streams.
    /// </summary>
    /// <param name="rowIsCurrent">
    /// The message rows were just inserted with this status (acceptance): every status update rewrites all of the
    /// messages indexes, so the one that would change nothing is skipped.
    /// </param>
    public static async Task AppendManyAsync(NpgsqlConnection connection, IReadOnlyList<Guid> messageIds, IReadOnlyList<string?> reasons,
        string status, DateTimeOffset at, string actor, CancellationToken cancellationToken, bool rowIsCurrent = false)
    {
        // The row is updated first: its lock orders two transactions changing one message, so the history row
        // appended last is also the status the message row keeps.
        if (!rowIsCurrent)
        {
            await UpdateMessageRowsAsync(connection, messageIds, status, at, cancellationToken);
        }
        await AppendHistoryAsync(connection, messageIds, reasons, status, at, actor, cancellationToken);
    }

    private static async Task UpdateMessageRowsAsync(NpgsqlConnection connection, IReadOnlyList<Guid> messageIds, string status,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var current = new NpgsqlCommand("""
            UPDATE messages SET current_status = $2, current_status_at = $3,
                answered_at = CASE WHEN $2 IN ($4, $5) THEN coalesce(answered_at, $3) ELSE answered_at END
            WHERE message_id = ANY($1)
            """, connection);
        current.Parameters.AddWithValue(messageIds.ToArray());
        current.Parameters.AddWithValue(status);
        current.Parameters.AddWithValue(at);
        current.Parameters.AddWithValue(MessageStatus.Answered);
        current.Parameters.AddWithValue(MessageStatus.Rejected);
        await current.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AppendHistoryAsync(NpgsqlConnection connection, IReadOnlyList<Guid> messageIds, IReadOnlyList<string?> reasons,
        string status, DateTimeOffset at, string actor, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand("""
            INSERT INTO message_status (message_id, status, at, actor, reason)
            SELECT id, $3, $4, $5, reason FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS u(id, reason, n) ORDER BY n
            """, connection))
        {
            command.Parameters.AddWithValue(messageIds.ToArray());
            command.Parameters.AddWithValue(reasons.ToArray());
            command.Parameters.AddWithValue(status);
            command.Parameters.AddWithValue(at);
            command.Parameters.AddWithValue(actor);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (InteractionStatus.ForRequest(status) is not { } requestCategory)
        {
            return;
        }
        await using var report = new NpgsqlCommand("""
            INSERT INTO status_events (participant, message_id, category, details, created_at)
            SELECT m.sender, coalesce(m.broadcast_message_id, m.message_id), CASE m.kind WHEN 'response' THEN $4 ELSE $3 END,
                   CASE WHEN m.broadcast_message_id IS NULL THEN u.reason
                        ELSE concat_ws(': ', 'copy ' || m.message_id || ' for ' || m.recipient, u.reason) END,
                   $5
            FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS u(id, reason, n)
            JOIN messages m ON m.message_id = u.id
            ORDER BY u.n
            """, connection);
        report.Parameters.AddWithValue(messageIds.ToArray());
        report.Parameters.AddWithValue(reasons.ToArray());
        report.Parameters.AddWithValue(requestCategory);
        report.Parameters.AddWithValue(InteractionStatus.ForResponse(status)!);
        report.Parameters.AddWithValue(at);
        await report.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The message's history, oldest first; empty for an id nobody used.</summary>
    public static async Task<IReadOnlyList<StatusEntry>> ReadAsync(NpgsqlConnection connection, Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT status, at, actor, reason, node FROM message_status WHERE message_id = $1 ORDER BY id", connection);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var history = new List<StatusEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new StatusEntry(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return history;
    }
}
