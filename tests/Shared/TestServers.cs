namespace Exchange.Tests.Shared;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ of the test run are: the private instances scripts/services.sh starts,
/// unless the EXCHANGE_TEST_* variables say otherwise. Tests never mock either; when one is missing they fail
/// with the command that starts it.
/// </summary>
public static class TestServers
{
    /// <summary>The instances every test class of the run shares (each in a database and virtual host of its own).</summary>
    public static ServiceAddresses Default { get; } = new(
        Environment.GetEnvironmentVariable("EXCHANGE_TEST_POSTGRES")
            ?? "Host=127.0.0.1;Port=24432;Username=exchange;Password=exchange;Database=postgres;Pooling=false",
        new Uri(Environment.GetEnvironmentVariable("EXCHANGE_TEST_BROKER") ?? "amqp://exchange:exchange@127.0.0.1:24672/"),
        new Uri(Environment.GetEnvironmentVariable("EXCHANGE_TEST_BROKER_MANAGEMENT") ?? "http://127.0.0.1:24673/"));

    public static string PostgresAdmin => Default.PostgresAdmin;

    public static Uri Broker => Default.Broker;

    public static Uri BrokerManagement => Default.BrokerManagement;

    public static HttpClient ManagementClient() => Default.ManagementClient();

    public const string StartCommand = "scripts/services.sh start";

    /// <summary>A lower-case name unique to this call, that says what it is for (PostgreSQL cuts names at 63 bytes).</summary>
    internal static string UniqueName(string purpose) =>
        $"t_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}_{Guid.NewGuid():N}";
}
