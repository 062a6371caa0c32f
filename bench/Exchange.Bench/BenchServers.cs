using Npgsql;

namespace Exchange.Bench;

/// <summary>
/// The PostgreSQL and RabbitMQ the bench runs on, from the variables <c>scripts/services.sh env</c> prints. The bench
/// only takes the servers from them: it works in a database and a virtual host of its own, both named <see cref="Name"/>.
/// </summary>
public sealed class BenchServers
{
    public const string Name = "exchange_bench";

    private BenchServers(string postgres, Uri broker, Uri management, string managementCredentials)
    {
        PostgresAdmin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ConnectionString;
        Database = new NpgsqlConnectionStringBuilder(postgres) { Database = Name }.ConnectionString;
        BrokerUser = Uri.UnescapeDataString(broker.UserInfo.Split(':')[0]);
        VirtualHost = new UriBuilder(broker) { Path = "/" + Name }.Uri;
        Management = management;
        ManagementCredentials = managementCredentials;
    }

    /// <summary>The server's <c>postgres</c> database, for creating and dropping the bench database.</summary>
    public string PostgresAdmin { get; }

    /// <summary>The bench database.</summary>
    public string Database { get; }

    /// <summary>amqp:// URI of the bench virtual host.</summary>
    public Uri VirtualHost { get; }

    public string BrokerUser { get; }

    public Uri Management { get; }

    /// <summary><c>user:password</c> for the management API.</summary>
    public string ManagementCredentials { get; }

    public static BenchServers FromEnvironment()
    {
        var broker = new Uri(Required("ConnectionStrings__broker"));
        // services.sh names the management API's user; without it the broker user (its administrator) is tried.
        var managementUser = Environment.GetEnvironmentVariable("Exchange__Broker__ManagementUser");
        var credentials = managementUser is { Length: > 0 }
            ? $"{managementUser}:{Environment.GetEnvironmentVariable("Exchange__Broker__ManagementPassword")}"
            : Uri.UnescapeDataString(broker.UserInfo);
        return new BenchServers(
            Required("ConnectionStrings__exchange"),
            broker,
            new Uri(Environment.GetEnvironmentVariable("Exchange__Broker__ManagementUrl") ?? "http://127.0.0.1:24673/"),
            credentials);
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {variable} is not set. Run the bench with scripts/bench.sh, or eval \"$(scripts/services.sh env)\" first.");
}
