using Npgsql;

namespace Exchange.Tests.Shared;

/// <summary>A database of its own for one test class; dropped on dispose.</summary>
public sealed class TestDatabase(string name, string connectionString, string adminConnectionString) : IAsyncDisposable
{
    /// <summary>A fresh database with a unique name, on the run's shared PostgreSQL unless <paramref name="servers"/> name another; dropped on dispose.</summary>
    public static async Task<TestDatabase> CreateAsync(string purpose, ServiceAddresses? servers = null)
    {
        var admin = (servers ?? TestServers.Default).PostgresAdmin;
        var name = TestServers.UniqueName(purpose);
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
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
