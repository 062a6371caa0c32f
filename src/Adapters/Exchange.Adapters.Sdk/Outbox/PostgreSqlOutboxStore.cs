using System.Data.Common;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>
/// The outbox in the EDMS's PostgreSQL, reached through the EDMS's data source (Npgsql's is one), so the SDK does not
/// depend on a driver. Several adapter processes may send from it: each locks the entry it sends.
/// </summary>
internal sealed class PostgreSqlOutboxStore(DbDataSource dataSource, string schema) : OutboxStore
{
    protected override string Entries => $"\"{schema}\".exchange_outbox";
    protected override string Attachments => $"\"{schema}\".exchange_outbox_attachments";
    protected override string? LockDueEntry => "FOR UPDATE SKIP LOCKED";

    protected override ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // IF NOT EXISTS alone still fails when two processes create the same table at once: the lock takes them in turn.
        await using var command = Command(connection, transaction,
            $"""
            SELECT pg_advisory_xact_lock(hashtext(@lock));
            CREATE SCHEMA IF NOT EXISTS "{schema}";
            CREATE TABLE IF NOT EXISTS {Entries} (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id uuid NOT NULL UNIQUE,
                kind text NOT NULL,
                recipient text,
                territory text,
                reference_message_id uuid,
                transaction_code text,
                is_test boolean NOT NULL,
                end_of_life timestamptz,
                content text,
                rejection_code text,
                rejection_description text,
                state text NOT NULL,
                attempts integer NOT NULL,
                enqueued_at timestamptz NOT NULL,
                next_attempt_at timestamptz NOT NULL,
                sent_at timestamptz,
                fault text,
                last_error text);
            CREATE INDEX IF NOT EXISTS exchange_outbox_due ON {Entries} (next_attempt_at) WHERE state = 'pending';
            CREATE TABLE IF NOT EXISTS {Attachments} (
                message_id uuid NOT NULL REFERENCES {Entries} (message_id),
                position integer NOT NULL,
                content_id text NOT NULL,
                mime_type text NOT NULL,
                content bytea NOT NULL,
                PRIMARY KEY (message_id, position));
            """,
            ("lock", $"{schema}.exchange_outbox"));
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public override void CheckTransaction(DbTransaction transaction)
    {
        var connection = transaction.Connection
            ?? throw new ArgumentException("The transaction has already ended; pass one still open.", nameof(transaction));
        using var own = dataSource.CreateConnection();
        if (connection.GetType() != own.GetType() || connection.Database != own.Database || connection.DataSource != own.DataSource)
        {
            throw new ArgumentException(
                $"The outbox is in the PostgreSQL database '{own.Database}' at {own.DataSource}: pass a transaction on a connection to it "
                + "(e.g. from the same data source), or none for a transaction of the outbox's own.",
                nameof(transaction));
        }
    }
}
