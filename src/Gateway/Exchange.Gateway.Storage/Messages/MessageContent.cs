using Exchange.Domain.Audit;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Audit;
using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>
/// A message's content and files for a content reader: each read appends its audit entry (who, when, why) in the
/// transaction that reads, so nothing is handed out that the audit does not show.
/// </summary>
public sealed class MessageContent(NpgsqlDataSource dataSource)
{
    /// <summary>The message's content (the sender's XML, as accepted); null, and nothing audited, for an unknown message.</summary>
    public Task<string?> OpenAsync(Guid messageId, string actor, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        AuditedAsync(messageId, actor, reason, at, async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT content FROM messages WHERE message_id = $1", connection);
            command.Parameters.AddWithValue(messageId);
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>One of the message's files with its bytes; null, and nothing audited, when the message has no such file.</summary>
    public Task<AcceptedAttachment?> OpenFileAsync(Guid messageId, string contentId, string actor, string reason, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        AuditedAsync(messageId, actor, reason, at,
            connection => MessageAttachments.FindAsync(connection, messageId, contentId, cancellationToken), cancellationToken);

    private async Task<T?> AuditedAsync<T>(Guid messageId, string actor, string reason, DateTimeOffset at,
        Func<NpgsqlConnection, Task<T?>> read, CancellationToken cancellationToken) where T : class
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var found = await read(connection);
        if (found is null)
        {
            return null;
        }
        await ConsoleAuditLog.AppendAsync(connection, at, actor, ConsoleAction.ContentOpened, messageId, reason, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found;
    }
}
