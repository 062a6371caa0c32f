using Exchange.Tests.Shared;
using Npgsql;

namespace Exchange.Bench;

/// <summary>
/// The PostgreSQL and RabbitMQ the bench runs on, from the variables <c>scripts/services.sh env</c> prints. The bench
/// only takes the servers from them: it works in a database and a virtual host of its own, both named <see cref="Name"/>.
/// </summary>
public static class BenchServers
{
    public const string Name = "exchange_bench";

    public static ServiceAddresses FromEnvironment() => new(
        new NpgsqlConnectionStringBuilder(Required("ConnectionStrings__exchange")) { Database = "postgres", Pooling = false }.ConnectionString,
        new Uri(Required("ConnectionStrings__broker")),
        new Uri(Environment.GetEnvironmentVariable("Exchange__Broker__ManagementUrl") ?? "http://127.0.0.1:24673/"));

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {variable} is not set. Run the bench with scripts/bench.sh, or eval \"$(scripts/services.sh env)\" first.");
}
