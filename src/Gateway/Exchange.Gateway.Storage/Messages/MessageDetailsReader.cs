using System.Data;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Audit;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// A message as the console's message page shows it (<see cref="MessageDetails"/>), read in one snapshot so that its
/// current status, history and links agree. Its content is never read here: that is <see cref="MessageContent"/>'s, audited.
/// </summary>
public sealed class MessageDetailsReader(NpgsqlDataSource dataSource)
{
    public async Task<MessageDetails?> FindAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {FoundMessages.Columns}, reference_message_id, transaction_code, content_sha256, end_of_life, sender_signature, original_message_id, broadcast_message_id
            FROM messages WHERE message_id = $1
            """, connection);
        command.Parameters.AddWithValue(messageId);
        MessageDetails details;
        Guid? original, broadcast;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            const int own = FoundMessages.ColumnCount;
            details = new MessageDetails(
                FoundMessages.Read(reader),
                reader.IsDBNull(own) ? null : reader.GetGuid(own),
                reader.IsDBNull(own + 1) ? null : reader.GetString(own + 1),
                reader.GetFieldValue<byte[]>(own + 2),
                reader.IsDBNull(own + 3) ? null : reader.GetFieldValue<DateTimeOffset>(own + 3),
                reader.IsDBNull(own + 4) ? null : reader.GetString(own + 4),
                [], [], [], []);
            original = reader.IsDBNull(own + 5) ? null : reader.GetGuid(own + 5);
            broadcast = reader.IsDBNull(own + 6) ? null : reader.GetGuid(own + 6);
        }
        var files = await MessageAttachments.LoadAsync(connection, [messageId], withContent: false, cancellationToken);
        return details with
        {
            Files = files.TryGetValue(messageId, out var list) ? list : [],
            History = await StatusHistory.ReadAsync(connection, messageId, cancellationToken),
            OperatorActions = await ConsoleAuditLog.ForMessageAsync(connection, messageId, cancellationToken),
            Linked = await LinkedAsync(connection, messageId, original, details.ReferenceMessageId, broadcast, cancellationToken),
        };
    }

    /// <summary>
    /// The request answered, the message referred to, the broadcast copied (each looked up by primary key), and the
    /// responses and copies of this one (each by its partial index): one statement, each part narrow.
    /// </summary>
    private static async Task<IReadOnlyList<LinkedMessage>> LinkedAsync(NpgsqlConnection connection, Guid messageId, Guid? original,
        Guid? reference, Guid? broadcast, CancellationToken cancellationToken)
    {
        static string Part(MessageLink link, string condition) =>
            $"SELECT {FoundMessages.Columns}, {(int)link} AS link FROM messages WHERE {condition}";
        await using var command = new NpgsqlCommand($"""
            {Part(MessageLink.Answers, "message_id = $2")}
            UNION ALL {Part(MessageLink.RefersTo, "message_id = $3 AND $3 IS DISTINCT FROM $2")}
            UNION ALL {Part(MessageLink.CopyOf, "message_id = $4")}
            UNION ALL {Part(MessageLink.AnsweredBy, "original_message_id = $1")}
            UNION ALL {Part(MessageLink.Copy, "broadcast_message_id = $1")}
            ORDER BY link, accepted_at, recipient
            """, connection);
        command.Parameters.AddWithValue(messageId);
        command.Parameters.Add(NullableParameter.Uuid(original));
        command.Parameters.Add(NullableParameter.Uuid(reference));
        command.Parameters.Add(NullableParameter.Uuid(broadcast));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var linked = new List<LinkedMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            linked.Add(new LinkedMessage((MessageLink)reader.GetInt32(FoundMessages.ColumnCount), FoundMessages.Read(reader)));
        }
        return linked;
    }
}
