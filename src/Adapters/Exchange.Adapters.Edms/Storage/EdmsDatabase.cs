using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>The EDMS's PostgreSQL database: its pool, and the one way to run work in a transaction.</summary>
public sealed class EdmsDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource => dataSource;

    /// <summary>Runs <paramref name="work"/> in a transaction committed when it returns and rolled back when it throws.</summary>
    public async Task<T> InTransactionAsync<T>(Func<NpgsqlTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(Func<NpgsqlTransaction, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(async transaction =>
        {
            await work(transaction);
            return true;
        }, cancellationToken);
}
