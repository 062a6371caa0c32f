using Exchange.Domain.Audit;
using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Storage.Audit;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// Messages whose delivery was given up (current status <c>failed</c>) and what an operator does with them: requeue
/// (a new delivery through the outbox) or discard, each in one transaction with its history entry and audit row.
/// </summary>
public sealed class FailedMessages(NpgsqlDataSource dataSource)
{
    // Keyset pages rather than one bounded list: after a long outage of a recipient's side, failed messages may run to
    // thousands, and an operator must be able to reach every one. The range of messages_by_status_time for 'failed',
    // read backwards, costs per page what the first page does.
    internal static readonly string PageSql = $"""
        SELECT {FoundMessages.Columns},
               (SELECT reason FROM message_status s WHERE s.message_id = m.message_id AND s.status = $1 ORDER BY id DESC LIMIT 1)
        FROM messages m
        WHERE current_status = $1 AND ($2::timestamptz IS NULL OR (accepted_at, message_id) < ($2, $3))
        ORDER BY accepted_at DESC, message_id DESC
        LIMIT $4
        """;

    /// <summary>Failed messages, newest accepted first, <paramref name="pageSize"/> at a time after <paramref name="after"/>.</summary>
    public async Task<FailedMessagePage> PageAsync(MessageCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.AddWithValue(MessageStatus.Failed);
        command.Parameters.Add(NullableParameter.Time(after?.AcceptedAt));
        command.Parameters.Add(NullableParameter.Uuid(after?.MessageId));
        command.Parameters.AddWithValue(pageSize + 1);
        var messages = new List<FailedMessage>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var reasonColumn = FoundMessages.ColumnCount;
                messages.Add(new FailedMessage(FoundMessages.Read(reader), reader.IsDBNull(reasonColumn) ? null : reader.GetString(reasonColumn)));
            }
        }
        if (messages.Count <= pageSize)
        {
            return new FailedMessagePage(messages, null);
        }
        // One row past the page was read only to learn that another page follows.
        var last = messages[pageSize - 1].Message;
        return new FailedMessagePage(messages.Take(pageSize).ToList(), new MessageCursor(last.AcceptedAt, last.MessageId).Encode());
    }

    /// <summary>The message's metadata, its relays and its inbox row; null when no message has that id.</summary>
    public async Task<DeliveryState?> InspectAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            WITH delivery AS (
                SELECT i.received_at, i.delivery_count, i.delivered_at, i.acknowledged_at
                FROM messages m JOIN inbox i ON i.recipient = m.recipient AND i.message_id = m.message_id
                WHERE m.message_id = $1)
            SELECT {FoundMessages.Columns},
                   (SELECT count(*) FILTER (WHERE published_at IS NOT NULL) FROM outbox o WHERE o.message_id = $1),
                   EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = $1 AND published_at IS NULL),
                   received_at, delivery_count, delivered_at, acknowledged_at
            FROM messages LEFT JOIN delivery ON true
            WHERE message_id = $1
            """);
        command.Parameters.AddWithValue(messageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var column = FoundMessages.ColumnCount;
        var inbox = reader.IsDBNull(column + 2) ? null : new InboxDelivery(
            reader.GetFieldValue<DateTimeOffset>(column + 2),
            reader.GetInt32(column + 3),
            reader.IsDBNull(column + 4) ? null : reader.GetFieldValue<DateTimeOffset>(column + 4),
            reader.IsDBNull(column + 5) ? null : reader.GetFieldValue<DateTimeOffset>(column + 5));
        return new DeliveryState(FoundMessages.Read(reader), (int)reader.GetInt64(column), reader.GetBoolean(column + 1), inbox);
    }

    /// <summary>
    /// Sends a failed message again: records <c>requeued</c> (by <paramref name="actor"/>, for <paramref name="reason"/>)
    /// with its audit row and adds an outbox row for its recipient, which the relay publishes like a new message's.
    /// Only a message failed now is requeued; any other changes nothing.
    /// </summary>
    public Task<FailedMessageActionOutcome> RequeueAsync(Guid messageId, string actor, string reason, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        ActAsync(messageId, MessageStatus.Requeued, ConsoleAction.Requeued, actor, reason, at, async (connection, recipient) =>
        {
            // The inbox stores a delivery once per (recipient, message): a row left from an earlier delivery would make
            // it ignore this one, and the message would stay requeued for good. A failed message normally has none (it
            // is recorded failed only when none exists), so this removes only what an interrupted history left.
            await using var forget = new NpgsqlCommand("DELETE FROM inbox WHERE recipient = $1 AND message_id = $2", connection);
            forget.Parameters.AddWithValue(recipient);
            forget.Parameters.AddWithValue(messageId);
            await forget.ExecuteNonQueryAsync(cancellationToken);

            await using var relay = new NpgsqlCommand("INSERT INTO outbox (message_id, recipient, created_at) VALUES ($1, $2, $3)", connection);
            relay.Parameters.AddWithValue(messageId);
            relay.Parameters.AddWithValue(recipient);
            relay.Parameters.AddWithValue(at);
            await relay.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Gives up on a failed message for good: records <c>discarded</c> (by <paramref name="actor"/>, for
    /// <paramref name="reason"/>) with its audit row. Only a message failed now is discarded; any other changes nothing.
    /// </summary>
    public Task<FailedMessageActionOutcome> DiscardAsync(Guid messageId, string actor, string reason, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        ActAsync(messageId, MessageStatus.Discarded, ConsoleAction.Discarded, actor, reason, at, (_, _) => Task.CompletedTask, cancellationToken);

    private async Task<FailedMessageActionOutcome> ActAsync(Guid messageId, string status, string action, string actor, string reason,
        DateTimeOffset at, Func<NpgsqlConnection, string, Task> alsoDo, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string recipient;
        // The row lock makes two operators (or two clicks) acting on one message take turns; the second reads the status
        // the first committed (READ COMMITTED re-reads a row it waited for) and finds it no longer failed.
        await using (var lockMessage = new NpgsqlCommand(
            "SELECT recipient, current_status FROM messages WHERE message_id = $1 FOR NO KEY UPDATE", connection))
        {
            lockMessage.Parameters.AddWithValue(messageId);
            await using var reader = await lockMessage.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return FailedMessageActionOutcome.NotFound;
            }
            if (reader.GetString(1) != MessageStatus.Failed)
            {
                return FailedMessageActionOutcome.NotFailed;
            }
            recipient = reader.GetString(0);
        }
        await StatusHistory.AppendAsync(connection, messageId, status, at, actor, reason, cancellationToken);
        await ConsoleAuditLog.AppendAsync(connection, at, actor, action, messageId, reason, cancellationToken);
        await alsoDo(connection, recipient);
        await transaction.CommitAsync(cancellationToken);
        return FailedMessageActionOutcome.Done;
    }
}
