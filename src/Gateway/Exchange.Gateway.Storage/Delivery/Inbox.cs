using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Internal;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Messages;
using Npgsql;
using NpgsqlTypes;

namespace Exchange.Gateway.Storage.Delivery;

/// <summary>
/// Each recipient's delivery state. Rows arrive from the broker (idempotently), are leased out by
/// GetRequest, come back when a lease runs out, and leave for good on Ack.
/// </summary>
public sealed class Inbox(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The LISTEN/NOTIFY channel that tells gateway nodes a message reached an inbox; the payload is its recipient's
    /// mnemonic. Sent in the transaction that queues the message, so it is delivered (to every node) only on its commit.
    /// </summary>
    public const string ArrivalChannel = "exchange_inbox";

    /// <summary>
    /// Puts a message the broker delivered in its recipient's inbox, records it <c>queued</c> and notifies
    /// <see cref="ArrivalChannel"/>; a duplicate delivery changes nothing. Kind, type and EOL come from the message's row, which the accepting node committed in this
    /// (shared) database before relaying it. A request that arrives after its EOL is stored already expired, never queued.
    /// A message an operator discarded is not stored at all: a delivery still on its way (relayed before it failed
    /// again and was discarded) is handled by dropping it, so the discard stays final.
    /// </summary>
    /// <returns>True when the message was new to the recipient's inbox (false for a duplicate or a discarded message).</returns>
    /// <exception cref="InvalidOperationException">No accepted message has this id and recipient.</exception>
    public async Task<bool> StoreAsync(RelayedMessage message, DateTimeOffset receivedAt, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        bool found, inserted;
        DateTimeOffset? endOfLife;
        await using (var command = new NpgsqlCommand($"""
            WITH message AS (
                SELECT message_id, kind, namespace_uri, root_element, end_of_life, current_status FROM messages WHERE message_id = $1 AND recipient = $2),
            stored AS (
                INSERT INTO inbox (recipient, message_id, kind, namespace_uri, root_element, received_at, available_at, end_of_life, expired_at)
                SELECT $2, message_id, {MessageKinds.InboxNameSql("kind")}, namespace_uri, root_element, $3, $3, end_of_life,
                       CASE WHEN end_of_life <= $3 THEN $3 END
                FROM message
                WHERE current_status <> $4
                ON CONFLICT (recipient, message_id) DO NOTHING
                RETURNING message_id)
            SELECT EXISTS (SELECT 1 FROM message), EXISTS (SELECT 1 FROM stored), (SELECT end_of_life FROM message)
            """, connection))
        {
            command.Parameters.AddWithValue(message.MessageId);
            command.Parameters.AddWithValue(message.Recipient);
            command.Parameters.AddWithValue(receivedAt);
            command.Parameters.AddWithValue(MessageStatus.Discarded);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (found, inserted) = (reader.GetBoolean(0), reader.GetBoolean(1));
            endOfLife = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
        }
        if (!found)
        {
            throw Missing(message);
        }
        if (inserted && await DiscardedMeanwhileAsync(connection, message.MessageId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
        if (inserted && endOfLife <= receivedAt)
        {
            await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Expired, receivedAt, actor,
                EndOfLife.ExpiredReason(endOfLife.Value), cancellationToken);
        }
        else if (inserted)
        {
            await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Queued, receivedAt, actor, null, cancellationToken);
            await NotifyArrivalAsync(connection, message.Recipient, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static async Task NotifyArrivalAsync(NpgsqlConnection connection, string recipient, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection);
        command.Parameters.AddWithValue(ArrivalChannel);
        command.Parameters.AddWithValue(recipient);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // The statement that stored the delivery read the message row without its lock, and a discard (which records
    // discarded under that lock) may have committed since. Read it again under the lock, as a statement of its own so
    // that READ COMMITTED sees that commit; the lock comes after the inbox row, the order a lease takes the two in.
    private static async Task<bool> DiscardedMeanwhileAsync(NpgsqlConnection connection, Guid messageId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT current_status = $2 FROM messages WHERE message_id = $1 FOR NO KEY UPDATE", connection);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(MessageStatus.Discarded);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Records <c>failed</c> for a message that the broker could not hand to its recipient's inbox and dead-letters:
    /// its history (and its sender's status stream) say so instead of falling silent. Nothing is recorded if it reached
    /// the inbox after all or is recorded failed already (since an operator last requeued it).
    /// </summary>
    /// <returns>True when <c>failed</c> was recorded now.</returns>
    /// <exception cref="InvalidOperationException">No accepted message has this id and recipient.</exception>
    public async Task<bool> RecordUndeliverableAsync(RelayedMessage message, string reason, DateTimeOffset at, string actor,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The message row's lock serializes two nodes giving up the same message (relayed twice). The check is a
        // statement of its own so that, under READ COMMITTED, it sees what whoever held the lock before committed.
        await using (var lockMessage = new NpgsqlCommand(
            "SELECT 1 FROM messages WHERE message_id = $1 AND recipient = $2 FOR NO KEY UPDATE", connection))
        {
            lockMessage.Parameters.AddWithValue(message.MessageId);
            lockMessage.Parameters.AddWithValue(message.Recipient);
            if (await lockMessage.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw Missing(message);
            }
        }
        // Failed once per delivery: a message an operator requeued and that fails again is recorded failed again.
        await using var check = new NpgsqlCommand("""
            SELECT NOT EXISTS (SELECT 1 FROM inbox WHERE recipient = $2 AND message_id = $1)
               AND NOT EXISTS (SELECT 1 FROM message_status WHERE message_id = $1 AND status = $3
                               AND id > coalesce((SELECT max(id) FROM message_status WHERE message_id = $1 AND status = $4), 0))
            """, connection);
        check.Parameters.AddWithValue(message.MessageId);
        check.Parameters.AddWithValue(message.Recipient);
        check.Parameters.AddWithValue(MessageStatus.Failed);
        check.Parameters.AddWithValue(MessageStatus.Requeued);
        var recorded = await check.ExecuteScalarAsync(cancellationToken) is true;
        if (recorded)
        {
            await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Failed, at, actor, reason, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    // Every node shares this database and a message's row is committed before it is relayed: a delivery naming no row
    // was published by something else (or its row deleted), and nothing here can deliver it.
    private static InvalidOperationException Missing(RelayedMessage message) =>
        new($"Message {message.MessageId} for {message.Recipient} was relayed, but no accepted message has that id and recipient.");

    /// <summary>Answered from one recipient's range of a partial index of waiting rows (see its test).</summary>
    internal const string MoreWaitingThanSql =
        "SELECT EXISTS (SELECT 1 FROM inbox WHERE recipient = $1 AND acknowledged_at IS NULL AND expired_at IS NULL OFFSET $2)";

    /// <summary>
    /// True when the recipient has more than <paramref name="limit"/> messages waiting (not acknowledged, not expired).
    /// Stops reading the index after <paramref name="limit"/> + 1 entries, so a short queue costs a few index pages.
    /// </summary>
    public async Task<bool> HasMoreWaitingThanAsync(string recipient, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(MoreWaitingThanSql);
        command.Parameters.AddWithValue(recipient);
        command.Parameters.AddWithValue((long)limit);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    /// <summary>
    /// Leases the recipient's oldest available message of <paramref name="kind"/> (and of the type, when given)
    /// and records <c>delivered</c>; null when there is none.
    /// </summary>
    public async Task<LeasedMessage?> LeaseNextAsync(string recipient, MessageKind kind, string? namespaceUri, string? rootElement,
        DateTimeOffset now, TimeSpan lease, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        Guid messageId;
        int deliveryCount;
        var leasedUntil = now + lease;
        await using (var command = new NpgsqlCommand("""
            WITH next AS (
                SELECT recipient, message_id FROM inbox
                WHERE recipient = $1 AND kind = $2 AND acknowledged_at IS NULL AND available_at <= $3
                  AND expired_at IS NULL AND (end_of_life IS NULL OR end_of_life > $3)
                  AND ($4::text IS NULL OR (namespace_uri = $4 AND root_element = $5))
                ORDER BY received_at, message_id
                LIMIT 1
                FOR UPDATE SKIP LOCKED)
            UPDATE inbox i
            SET available_at = $6, delivered_at = $3, delivery_count = i.delivery_count + 1
            FROM next
            WHERE i.recipient = next.recipient AND i.message_id = next.message_id
            RETURNING i.message_id, i.delivery_count
            """, connection))
        {
            command.Parameters.AddWithValue(recipient);
            command.Parameters.AddWithValue(MessageKinds.InboxName(kind));
            command.Parameters.AddWithValue(now);
            command.Parameters.Add(NullableParameter.Text(namespaceUri));
            command.Parameters.Add(NullableParameter.Text(rootElement));
            command.Parameters.AddWithValue(leasedUntil);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            messageId = reader.GetGuid(0);
            deliveryCount = reader.GetInt32(1);
        }

        AcceptedMessage message;
        await using (var read = new NpgsqlCommand($"SELECT {MessageStore.Columns} FROM messages WHERE message_id = $1", connection))
        {
            read.Parameters.AddWithValue(messageId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            message = MessageStore.Read(reader);
        }
        message = (await MessageAttachments.WithAttachmentsAsync(connection, [message], cancellationToken))[0];
        var reason = deliveryCount == 1 ? null : LeaseRedelivery.Reason(deliveryCount);
        await StatusHistory.AppendAsync(connection, messageId, MessageStatus.Delivered, now, actor, reason, cancellationToken);
        await ParticipantActivity.RecordTakeAsync(connection, recipient, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LeasedMessage(message, now, deliveryCount);
    }

    /// <summary>
    /// Marks a delivered message acknowledged, so no lease hands it out again. <paramref name="accepted"/> false
    /// (the recipient rejected the gateway's signature) is recorded as <c>rejected</c>. A message past its EOL can no
    /// longer be acknowledged: it expired, even when the sweep has not recorded that yet.
    /// </summary>
    public async Task<AckOutcome> AcknowledgeAsync(string recipient, Guid messageId, bool accepted, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("""
            UPDATE inbox SET acknowledged_at = $3
            WHERE recipient = $1 AND message_id = $2 AND acknowledged_at IS NULL AND delivered_at IS NOT NULL
              AND expired_at IS NULL AND (end_of_life IS NULL OR end_of_life > $3)
            """, connection))
        {
            command.Parameters.AddWithValue(recipient);
            command.Parameters.AddWithValue(messageId);
            command.Parameters.AddWithValue(now);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                await StatusHistory.AppendAsync(connection, messageId,
                    accepted ? MessageStatus.Acknowledged : MessageStatus.Rejected, now, recipient,
                    accepted ? null : "the recipient refused the gateway's signature (Ack accepted=false)", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return AckOutcome.Acknowledged;
            }
        }

        await using var check = new NpgsqlCommand(
            "SELECT acknowledged_at IS NOT NULL FROM inbox WHERE recipient = $1 AND message_id = $2", connection);
        check.Parameters.AddWithValue(recipient);
        check.Parameters.AddWithValue(messageId);
        return await check.ExecuteScalarAsync(cancellationToken) is true ? AckOutcome.AlreadyAcknowledged : AckOutcome.NotFound;
    }
}
