using Npgsql;

namespace Exchange.Gateway.Storage;

/// <summary>Where the gateway's PostgreSQL is, and whether it answers: for readiness and for start-up's waiting.</summary>
public sealed class DatabaseProbe(NpgsqlDataSource dataSource)
{
    /// <summary><c>host:port/database</c> of the connection string: where the gateway looks, without the credentials.</summary>
    public string Endpoint
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
            return $"{builder.Host}:{builder.Port}/{builder.Database}";
        }
    }

    /// <summary>One round trip to the database; throws what the call threw (see <see cref="StorageFailures"/>) when it does not answer.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
