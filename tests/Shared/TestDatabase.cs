using Npgsql;

namespace Exchange.Tests.Shared;

/// <summary>A database of its own for one test class (or one bench run); dropped on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString, string adminConnectionString) : IAsyncDisposable
{
    /// <summary>A fresh database with a unique name, on the run's shared PostgreSQL unless <paramref name="servers"/> name another; dropped on dispose.</summary>
    public static Task<TestDatabase> CreateAsync(string purpose, ServiceAddresses? servers = null) =>
        CreateNamedAsync(TestServers.UniqueName(purpose), servers ?? TestServers.Default, replace: false, CancellationToken.None);

    /// <summary>
    /// A fresh database named <paramref name="name"/>: whatever a run that did not finish left under that name is
    /// dropped first. Dropped on dispose.
    /// </summary>
    public static Task<TestDatabase> ReplaceAsync(string name, ServiceAddresses servers, CancellationToken cancellationToken) =>
        CreateNamedAsync(name, servers, replace: true, cancellationToken);

    private static async Task<TestDatabase> CreateNamedAsync(string name, ServiceAddresses servers, bool replace, CancellationToken cancellationToken)
    {
        var admin = servers.PostgresAdmin;
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(cancellationToken);
            if (replace)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new InvalidOperationException(
                $"PostgreSQL for tests is not reachable ({e.Message}). Start it with '{TestServers.StartCommand}' or set EXCHANGE_TEST_POSTGRES.", e);
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
        return new TestDatabase(name, builder.ConnectionString, admin);
    }


    public string Name { get; } = name;
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
