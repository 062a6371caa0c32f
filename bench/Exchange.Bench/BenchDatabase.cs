using Npgsql;

namespace Exchange.Bench;

/// <summary>The bench's own database, made fresh for each run (whatever a crashed run left is dropped) and dropped after.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly BenchServers _servers;

    private BenchDatabase(BenchServers servers) => _servers = servers;

    public string ConnectionString => _servers.Database;

    public static async Task<BenchDatabase> CreateAsync(BenchServers servers, CancellationToken cancellationToken)
    {
        await AdminAsync(servers, $"DROP DATABASE IF EXISTS {BenchServers.Name} WITH (FORCE)", cancellationToken);
        await AdminAsync(servers, $"CREATE DATABASE {BenchServers.Name}", cancellationToken);
        return new BenchDatabase(servers);
    }

    public async ValueTask DisposeAsync()
    {
        // The bench's own pooled connections would otherwise linger until the process exits.
        NpgsqlConnection.ClearAllPools();
        await AdminAsync(_servers, $"DROP DATABASE IF EXISTS {BenchServers.Name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task AdminAsync(BenchServers servers, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(servers.PostgresAdmin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
