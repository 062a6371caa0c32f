using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>The outbox in a SQLite file of its own (write-ahead log), sent from by one process.</summary>
internal sealed class SqliteOutboxStore(string path) : OutboxStore
{
    private readonly string _path = Path.GetFullPath(path);

    protected override string Entries => "exchange_outbox";
    protected override string Attachments => "exchange_outbox_attachments";
    protected override string? LockDueEntry => null;

    private const string Tables = """
            CREATE TABLE IF NOT EXISTS exchange_outbox (
                position INTEGER PRIMARY KEY,
                message_id BLOB NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                recipient TEXT,
                territory TEXT,
                reference_message_id BLOB,
                transaction_code TEXT,
                is_test INTEGER NOT NULL,
                end_of_life TEXT,
                content TEXT,
                rejection_code TEXT,
                rejection_description TEXT,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                enqueued_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                sent_at TEXT,
                fault TEXT,
                last_error TEXT);
            CREATE INDEX IF NOT EXISTS exchange_outbox_due ON exchange_outbox (next_attempt_at) WHERE state = 'pending';
            CREATE TABLE IF NOT EXISTS exchange_outbox_attachments (
                message_id BLOB NOT NULL,
                position INTEGER NOT NULL,
                content_id TEXT NOT NULL,
                mime_type TEXT NOT NULL,
                content BLOB NOT NULL,
                PRIMARY KEY (message_id, position));
        """;

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        await using var connection = await OpenAsync(cancellationToken);
        // WAL lets the sender read while an Enqueue writes; the mode stays with the file.
        await using var command = Command(connection, null, "PRAGMA journal_mode = WAL;" + Tables);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A connection of the outbox's own would wait for the EDMS's transaction to end while the EDMS waits for the
    /// Enqueue: until the tables are known to exist they are created on that transaction (again later, should it roll back).
    /// </summary>
    protected override async Task EnsureCreatedAsync(DbTransaction edmsTransaction, CancellationToken cancellationToken)
    {
        if (!IsCreated)
        {
            await using var command = Command(edmsTransaction.Connection!, edmsTransaction, Tables);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override void CheckTransaction(DbTransaction transaction)
    {
        if (transaction is not SqliteTransaction { Connection: { } connection }
            || !string.Equals(Path.GetFullPath(connection.DataSource), _path, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The outbox is the SQLite file '{_path}': pass a SqliteTransaction on a connection to that file, or none for a transaction of the outbox's own.",
                nameof(transaction));
        }
    }
}
