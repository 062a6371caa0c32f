using Exchange.Domain.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>The <c>message_attachments</c> rows of messages, read and written inside their callers' transactions.</summary>
internal static class MessageAttachments
{
    public static async Task InsertAsync(NpgsqlConnection connection, AcceptedMessage message, CancellationToken cancellationToken)
    {
        for (var ordinal = 0; ordinal < message.Attachments.Count; ordinal++)
        {
            var attachment = message.Attachments[ordinal];
            await using var command = new NpgsqlCommand("""
                INSERT INTO message_attachments (message_id, content_id, ordinal, mime_type, size, sha256, content)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """, connection);
            command.Parameters.AddWithValue(message.MessageId);
            command.Parameters.AddWithValue(attachment.ContentId);
            command.Parameters.AddWithValue(ordinal);
            command.Parameters.AddWithValue(attachment.MimeType);
            command.Parameters.AddWithValue(attachment.Size);
            command.Parameters.AddWithValue(attachment.Sha256);
            command.Parameters.AddWithValue(attachment.Content);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Where a message's files are: under its own id, or — for a copy of a broadcast accepted here — under the broadcast's,
    /// which stores them once for all its copies.
    /// </summary>
    private const string FilesOfMessage =
        "messages m JOIN message_attachments a ON a.message_id = m.message_id OR a.message_id = m.broadcast_message_id";

    /// <summary>The attachments of each message given, in the sender's order; messages without any are absent.</summary>
    public static async Task<Dictionary<Guid, List<AcceptedAttachment>>> LoadAsync(NpgsqlConnection connection, Guid[] messageIds,
        bool withContent, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, List<AcceptedAttachment>>();
        await using var command = new NpgsqlCommand($"""
            SELECT m.message_id, a.content_id, a.mime_type, a.size, a.sha256, {(withContent ? "a.content" : "''::bytea")}
            FROM {FilesOfMessage} WHERE m.message_id = ANY($1) ORDER BY m.message_id, a.ordinal
            """, connection);
        command.Parameters.AddWithValue(messageIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var messageId = reader.GetGuid(0);
            if (!found.TryGetValue(messageId, out var list))
            {
                found[messageId] = list = [];
            }
            list.Add(ReadAttachment(reader, 1));
        }
        return found;
    }

    /// <summary>One file of a message with its bytes; null when the message has no file of that id.</summary>
    public static async Task<AcceptedAttachment?> FindAsync(NpgsqlConnection connection, Guid messageId, string contentId,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT a.content_id, a.mime_type, a.size, a.sha256, a.content
            FROM {FilesOfMessage} WHERE m.message_id = $1 AND a.content_id = $2
            """, connection);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.AddWithValue(contentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAttachment(reader, 0) : null;
    }

    private static AcceptedAttachment ReadAttachment(NpgsqlDataReader reader, int first) => new(reader.GetString(first),
        reader.GetString(first + 1), reader.GetInt64(first + 2), reader.GetFieldValue<byte[]>(first + 3), reader.GetFieldValue<byte[]>(first + 4));

    /// <summary>The messages with their attachments filled in.</summary>
    public static async Task<List<AcceptedMessage>> WithAttachmentsAsync(NpgsqlConnection connection, IReadOnlyList<AcceptedMessage> messages,
        CancellationToken cancellationToken)
    {
        var attachments = await LoadAsync(connection, messages.Select(m => m.MessageId).ToArray(), withContent: true, cancellationToken);
        return messages.Select(m => attachments.TryGetValue(m.MessageId, out var list) ? m with { Attachments = list } : m).ToList();
    }

    /// <summary>
    /// The attachment bytes of <paramref name="sender"/>'s messages accepted since <paramref name="since"/>. With
    /// <paramref name="lockSender"/>, first takes a transaction lock per sender, so two messages of one sender cannot
    /// both fit in the quota's last bytes.
    /// </summary>
    public static async Task<long> BytesSinceAsync(NpgsqlConnection connection, string sender, DateTimeOffset since, bool lockSender,
        CancellationToken cancellationToken)
    {
        if (lockSender)
        {
            await using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('attachment-quota:' || $1, 0))", connection);
            lockCommand.Parameters.AddWithValue(sender);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(a.size), 0)::bigint
            FROM messages m JOIN message_attachments a ON a.message_id = m.message_id
            WHERE m.sender = $1 AND m.accepted_at > $2
            """, connection);
        command.Parameters.AddWithValue(sender);
        command.Parameters.AddWithValue(since);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
