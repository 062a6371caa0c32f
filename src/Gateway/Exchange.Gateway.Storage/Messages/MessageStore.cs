using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>Accepted messages and their status history.</summary>
public sealed class MessageStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Stores the message, its <c>accepted</c> status and an outbox row for its recipient in one transaction:
    /// once this returns <see cref="AcceptOutcome.Accepted"/> the message cannot be lost.
    /// </summary>
    /// <param name="originalChange">For a response: what it means for the request it answers (answered, rejected).</param>
    /// <param name="copies">
    /// For a broadcast: one copy per recipient, each delivered and tracked on its own; the message itself then goes
    /// to no outbox. Stored only with the message: a resend of the broadcast adds none.
    /// </param>
    /// <param name="quota">
    /// The sender's attachment quota, checked (under a per-sender lock) when the message has attachments; a broadcast's
    /// files are stored once, under the broadcast, and its copies deliver them from there.
    /// </param>
    public async Task<(AcceptOutcome Outcome, AcceptedMessage Message)> AcceptAsync(
        AcceptedMessage message, string actor, CancellationToken cancellationToken, StatusChange? originalChange = null,
        IReadOnlyList<AcceptedMessage>? copies = null, string? routeReason = null, AttachmentQuota? quota = null)
    {
        // PostgreSQL keeps microseconds; answering with the stored value keeps a resend's answer identical.
        message = message with { AcceptedAt = message.AcceptedAt.AddTicks(-(message.AcceptedAt.Ticks % 10)) };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (!await InsertAsync(connection, message, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            var existing = await FindAsync(message.MessageId, cancellationToken)
                ?? throw new InvalidOperationException($"Message {message.MessageId} conflicted on insert but cannot be read back.");
            var same = existing.Sender == message.Sender && existing.ContentSha256.AsSpan().SequenceEqual(message.ContentSha256)
                && SameAttachments(existing.Attachments, message.Attachments);
            return (same ? AcceptOutcome.AlreadyAccepted : AcceptOutcome.IdTaken, existing);
        }

        if (quota is not null && message.Attachments.Count > 0
            && await MessageAttachments.BytesSinceAsync(connection, message.Sender, quota.Since, lockSender: true, cancellationToken)
                + message.AttachmentBytes > quota.Bytes)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (AcceptOutcome.QuotaExceeded, message);
        }
        await MessageAttachments.InsertAsync(connection, message, cancellationToken);

        await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Accepted, message.AcceptedAt, actor,
            routeReason, cancellationToken, rowIsCurrent: true);
        if (originalChange is not null)
        {
            await StatusHistory.AppendAsync(connection, originalChange.MessageId, originalChange.Status, message.AcceptedAt, actor,
                originalChange.Reason, cancellationToken);
        }
        if (copies is null)
        {
            await AddToOutboxAsync(connection, message, cancellationToken);
        }
        foreach (var copy in copies ?? [])
        {
            var stored = copy with { AcceptedAt = message.AcceptedAt, BroadcastMessageId = message.MessageId };
            if (!await InsertAsync(connection, stored, cancellationToken))
            {
                throw new InvalidOperationException($"Broadcast copy {copy.MessageId} of {message.MessageId} has an id already in use.");
            }
            await StatusHistory.AppendAsync(connection, copy.MessageId, MessageStatus.Accepted, message.AcceptedAt, actor,
                $"copy of broadcast {message.MessageId}", cancellationToken, rowIsCurrent: true);
            await AddToOutboxAsync(connection, stored, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (AcceptOutcome.Accepted, message);
    }

    /// <summary>
    /// The message's kind and parties, if <paramref name="participant"/> sent or received it; null when it did not, the
    /// same as for an id nobody used (one narrow query either way: no content is read).
    /// </summary>
    public async Task<MessageParties?> PartiesAsync(Guid messageId, string participant, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT kind, sender, recipient, kind = 'broadcast' AND broadcast_message_id IS NULL
            FROM messages WHERE message_id = $1 AND $2 IN (sender, recipient)
            """);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(participant);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new MessageParties(MessageKinds.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetBoolean(3))
            : null;
    }

    /// <summary>The copies a broadcast was fanned out into, each with its current status.</summary>
    public async Task<IReadOnlyList<CopyStatus>> CopiesAsync(Guid broadcastMessageId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT m.message_id, m.recipient, m.current_status, m.current_status_at
            FROM messages m
            WHERE m.broadcast_message_id = $1
            ORDER BY m.recipient
            """);
        command.Parameters.AddWithValue(broadcastMessageId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var copies = new List<CopyStatus>();
        while (await reader.ReadAsync(cancellationToken))
        {
            copies.Add(new CopyStatus(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return copies;
    }

    private static async Task AddToOutboxAsync(NpgsqlConnection connection, AcceptedMessage message, CancellationToken cancellationToken)
    {
        await using var outbox = new NpgsqlCommand("INSERT INTO outbox (message_id, recipient, created_at) VALUES ($1, $2, $3)", connection);
        outbox.Parameters.AddWithValue(message.MessageId);
        outbox.Parameters.AddWithValue(message.Recipient);
        outbox.Parameters.AddWithValue(message.AcceptedAt);
        await outbox.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The message with its attachments' descriptions (their bytes are left empty: callers compare and route, not deliver).</summary>
    public async Task<AcceptedMessage?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        AcceptedMessage message;
        await using (var command = new NpgsqlCommand($"SELECT {Columns} FROM messages WHERE message_id = $1", connection))
        {
            command.Parameters.AddWithValue(messageId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            message = Read(reader);
        }
        var attachments = await MessageAttachments.LoadAsync(connection, [messageId], withContent: false, cancellationToken);
        return attachments.TryGetValue(messageId, out var list) ? message with { Attachments = list } : message;
    }

    /// <summary>The attachment bytes of <paramref name="sender"/>'s messages accepted since <paramref name="since"/>.</summary>
    public async Task<long> AttachmentBytesSinceAsync(string sender, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await MessageAttachments.BytesSinceAsync(connection, sender, since, lockSender: false, cancellationToken);
    }

    // A resend must carry the same files: same ids with the same bytes (the headers are in the content already).
    private static bool SameAttachments(IReadOnlyList<AcceptedAttachment> stored, IReadOnlyList<AcceptedAttachment> offered) =>
        stored.Count == offered.Count
        && stored.OrderBy(a => a.ContentId, StringComparer.Ordinal).Zip(offered.OrderBy(a => a.ContentId, StringComparer.Ordinal))
            .All(pair => pair.First.ContentId == pair.Second.ContentId && pair.First.Sha256.AsSpan().SequenceEqual(pair.Second.Sha256));

    public async Task<IReadOnlyList<StatusEntry>> HistoryAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await StatusHistory.ReadAsync(connection, messageId, cancellationToken);
    }

    internal const string Columns =
        "message_id, kind, sender, recipient, namespace_uri, root_element, reference_message_id, transaction_code, is_test, content_sha256, content, accepted_at, original_message_id, broadcast_message_id, answer_due_at, end_of_life, sender_signature";

    internal static AcceptedMessage Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        MessageKinds.Parse(reader.GetString(1)),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetGuid(6),
        reader.IsDBNull(7) ? null : reader.GetString(7),
        reader.GetBoolean(8),
        reader.GetFieldValue<byte[]>(9),
        reader.GetString(10),
        reader.GetFieldValue<DateTimeOffset>(11))
    {
        OriginalMessageId = reader.IsDBNull(12) ? null : reader.GetGuid(12),
        BroadcastMessageId = reader.IsDBNull(13) ? null : reader.GetGuid(13),
        AnswerDueAt = reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        EndOfLife = reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        SenderSignature = reader.IsDBNull(16) ? null : reader.GetString(16),
    };

    /// <summary>Inserts the message unless its id exists; true when it was inserted.</summary>
    internal static async Task<bool> InsertAsync(NpgsqlConnection connection, AcceptedMessage message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO messages ({Columns}, current_status, current_status_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $12)
            ON CONFLICT (message_id) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue(message.MessageId);
        command.Parameters.AddWithValue(MessageKinds.Name(message.Kind));
        command.Parameters.AddWithValue(message.Sender);
        command.Parameters.AddWithValue(message.Recipient);
        command.Parameters.AddWithValue(message.NamespaceUri);
        command.Parameters.AddWithValue(message.RootElement);
        command.Parameters.Add(NullableParameter.Uuid(message.ReferenceMessageId));
        command.Parameters.Add(NullableParameter.Text(message.TransactionCode));
        command.Parameters.AddWithValue(message.IsTest);
        command.Parameters.AddWithValue(message.ContentSha256);
        command.Parameters.AddWithValue(message.Content);
        command.Parameters.AddWithValue(message.AcceptedAt);
        command.Parameters.Add(NullableParameter.Uuid(message.OriginalMessageId));
        command.Parameters.Add(NullableParameter.Uuid(message.BroadcastMessageId));
        command.Parameters.Add(NullableParameter.Time(message.AnswerDueAt));
        command.Parameters.Add(NullableParameter.Time(message.EndOfLife));
        command.Parameters.Add(NullableParameter.Text(message.SenderSignature));
        // Born accepted; the history's first row, appended in the same transaction, says the same.
        command.Parameters.AddWithValue(MessageStatus.Accepted);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
