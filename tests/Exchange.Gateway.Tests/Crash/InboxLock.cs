using Npgsql;

namespace Exchange.Gateway.Tests.Crash;

/// <summary>
/// An exclusive lock on the gateway's inbox table, held until disposed. Meanwhile the gateway's consumers cannot store what
/// RabbitMQ hands them, so accepted messages stay with the broker: delivered to the gateway and unacknowledged, or queued.
/// Reads (and sending, which only reads the inbox) go on.
/// </summary>
public sealed class InboxLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private InboxLock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<InboxLock> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("LOCK TABLE inbox IN EXCLUSIVE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new InboxLock(connection, transaction);
    }

    /// <summary>Rolls back, which releases the lock: the blocked hand-overs then store their messages.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
