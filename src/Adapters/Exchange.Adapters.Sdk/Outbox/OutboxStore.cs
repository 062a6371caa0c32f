using System.Data.Common;
using Exchange.Adapters.Sdk.Attachments;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// The outbox's tables through plain ADO.NET, the same SQL on SQLite and PostgreSQL except where a subclass says
/// otherwise. Times are stored in UTC, so SQLite's text timestamps compare in time order.
/// </summary>
internal abstract class OutboxStore
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>The entries' table, as written in SQL.</summary>
    protected abstract string Entries { get; }

    /// <summary>The attachments' table, as written in SQL.</summary>
    protected abstract string Attachments { get; }

    /// <summary>
    /// Ends the query for the next due entry so that it stays locked from other senders until the entry is marked, or
    /// null when one process sends: no transaction is then held while sending (on SQLite it would block every Enqueue).
    /// </summary>
    protected abstract string? LockDueEntry { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Creates the tables unless they exist; safe when several processes start at once.</summary>
    protected abstract Task CreateTablesAsync(CancellationToken cancellationToken);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="transaction"/> is on this store's database.</summary>
    public abstract void CheckTransaction(DbTransaction transaction);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }
        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_created)
            {
                await CreateTablesAsync(cancellationToken);
                _created = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    protected bool IsCreated => _created;

    /// <summary>Before an entry is written on the EDMS's transaction; by default the tables are created on a connection of the store's own.</summary>
    protected virtual Task EnsureCreatedAsync(DbTransaction edmsTransaction, CancellationToken cancellationToken) =>
        EnsureCreatedAsync(cancellationToken);

    /// <summary>Stores a new pending entry, due at once: on <paramref name="transaction"/>, or in a transaction of its own when null.</summary>
    public async Task AddAsync(OutboxEntry entry, DateTimeOffset now, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is not null)
        {
            CheckTransaction(transaction);
            await EnsureCreatedAsync(transaction, cancellationToken);
            await InsertAsync(transaction.Connection!, transaction, entry, now, cancellationToken);
            return;
        }
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var own = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAsync(connection, own, entry, now, cancellationToken);
        await own.CommitAsync(cancellationToken);
    }

    /// <summary>The oldest pending entry due at <paramref name="now"/>, held until its lease is marked or disposed; null when none is due.</summary>
    public async Task<OutboxLease?> TakeNextDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var connection = await OpenAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = LockDueEntry is null ? null : await connection.BeginTransactionAsync(cancellationToken);
            var entry = await ReadDueAsync(connection, transaction, now, cancellationToken);
            if (entry is not null)
            {
                return new OutboxLease(this, connection, transaction, entry);
            }
        }
        catch
        {
            await ReleaseAsync(connection, transaction);
            throw;
        }
        await ReleaseAsync(connection, transaction);
        return null;
    }

    public async Task<ExchangeOutboxEntry?> GetAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT state, attempts, next_attempt_at, sent_at, fault, last_error FROM {Entries} WHERE message_id = @message_id",
            ("message_id", messageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ExchangeOutboxEntry(messageId, Enum.Parse<ExchangeOutboxEntryState>(reader.GetString(0), ignoreCase: true), reader.GetInt32(1),
            reader.GetFieldValue<DateTimeOffset>(2), Value<DateTimeOffset>(reader, 3), Text(reader, 4), Text(reader, 5));
    }

    public async Task<long> CountPendingAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT count(*) FROM {Entries} WHERE state = 'pending'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Marks the entry sent; its files are no longer needed.</summary>
    public async Task MarkSentAsync(DbConnection connection, DbTransaction? transaction, Guid messageId, DateTimeOffset? sentAt,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"""
            UPDATE {Entries} SET state = 'sent', attempts = attempts + 1, sent_at = @sent_at, last_error = NULL WHERE message_id = @message_id;
            DELETE FROM {Attachments} WHERE message_id = @message_id;
            """,
            ("message_id", messageId), ("sent_at", sentAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task MarkFailedAsync(DbConnection connection, DbTransaction? transaction, Guid messageId, string fault, string error,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"UPDATE {Entries} SET state = 'failed', attempts = attempts + 1, fault = @fault, last_error = @last_error WHERE message_id = @message_id",
            ("message_id", messageId), ("fault", fault), ("last_error", error));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task PostponeAsync(DbConnection connection, DbTransaction? transaction, Guid messageId, DateTimeOffset nextAttemptAt,
        string error, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"UPDATE {Entries} SET attempts = attempts + 1, next_attempt_at = @next_attempt_at, last_error = @last_error WHERE message_id = @message_id",
            ("message_id", messageId), ("next_attempt_at", nextAttemptAt), ("last_error", error));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value is DateTimeOffset time ? time.ToUniversalTime() : value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private async Task InsertAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using (var command = Command(connection, transaction,
            $"""
            INSERT INTO {Entries} (message_id, kind, recipient, territory, reference_message_id, transaction_code, is_test, end_of_life,
                content, rejection_code, rejection_description, state, attempts, enqueued_at, next_attempt_at)
            VALUES (@message_id, @kind, @recipient, @territory, @reference_message_id, @transaction_code, @is_test, @end_of_life,
                @content, @rejection_code, @rejection_description, 'pending', 0, @now, @now)
            """,
            ("message_id", entry.MessageId), ("kind", entry.Kind.ToString().ToLowerInvariant()), ("recipient", entry.To),
            ("territory", entry.Territory), ("reference_message_id", entry.ReferenceMessageId), ("transaction_code", entry.TransactionCode),
            ("is_test", entry.IsTest), ("end_of_life", entry.EndOfLife), ("content", entry.Content), ("rejection_code", entry.RejectionCode),
            ("rejection_description", entry.RejectionDescription), ("now", now)))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        for (var position = 0; position < entry.Attachments.Count; position++)
        {
            var attachment = entry.Attachments[position];
            await using var command = Command(connection, transaction,
                $"INSERT INTO {Attachments} (message_id, position, content_id, mime_type, content) VALUES (@message_id, @position, @content_id, @mime_type, @content)",
                ("message_id", entry.MessageId), ("position", position), ("content_id", attachment.ContentId), ("mime_type", attachment.MimeType),
                ("content", attachment.Content.ToArray()));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private async Task<OutboxEntry?> ReadDueAsync(DbConnection connection, DbTransaction? transaction, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        OutboxEntry entry;
        await using (var command = Command(connection, transaction,
            $"""
            SELECT message_id, kind, recipient, content, territory, reference_message_id, transaction_code, is_test, end_of_life,
                rejection_code, rejection_description, attempts
            FROM {Entries} WHERE state = 'pending' AND next_attempt_at <= @now ORDER BY position LIMIT 1 {LockDueEntry}
            """,
            ("now", now)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            entry = new OutboxEntry(reader.GetGuid(0), Enum.Parse<OutboxEntryKind>(reader.GetString(1), ignoreCase: true),
                Text(reader, 2), Text(reader, 3))
            {
                Territory = Text(reader, 4),
                ReferenceMessageId = Value<Guid>(reader, 5),
                TransactionCode = Text(reader, 6),
                IsTest = reader.GetBoolean(7),
                EndOfLife = Value<DateTimeOffset>(reader, 8),
                RejectionCode = Text(reader, 9),
                RejectionDescription = Text(reader, 10),
                Attempts = reader.GetInt32(11),
            };
        }
        return entry with { Attachments = await ReadAttachmentsAsync(connection, transaction, entry.MessageId, cancellationToken) };
    }

    private async Task<List<OutgoingAttachment>> ReadAttachmentsAsync(DbConnection connection, DbTransaction? transaction, Guid messageId,
        CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            $"SELECT content_id, mime_type, content FROM {Attachments} WHERE message_id = @message_id ORDER BY position",
            ("message_id", messageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var attachments = new List<OutgoingAttachment>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attachments.Add(new OutgoingAttachment(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
        }
        return attachments;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static T? Value<T>(DbDataReader reader, int ordinal) where T : struct =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    internal static async ValueTask ReleaseAsync(DbConnection connection, DbTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }
        await connection.DisposeAsync();
    }
}
