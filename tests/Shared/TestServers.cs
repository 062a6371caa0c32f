using System.Net.Http.Headers;
using System.Text;

namespace Exchange.Tests.Shared;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ of the test run are: the private instances scripts/services.sh starts,
/// unless the EXCHANGE_TEST_* variables say otherwise. Tests never mock either; when one is missing they fail
/// with the command that starts it.
/// </summary>
public static class TestServers
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("EXCHANGE_TEST_POSTGRES")
        ?? "Host=127.0.0.1;Port=24432;Username=exchange;Password=exchange;Database=postgres;Pooling=false";

    public static Uri Broker => new(Environment.GetEnvironmentVariable("EXCHANGE_TEST_BROKER") ?? "amqp://exchange:exchange@127.0.0.1:24672/");

    public static Uri BrokerManagement => new(Environment.GetEnvironmentVariable("EXCHANGE_TEST_BROKER_MANAGEMENT") ?? "http://127.0.0.1:24673/");

    public const string StartCommand = "scripts/services.sh start";

    public static HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = BrokerManagement, Timeout = TimeSpan.FromSeconds(30) };
        var credentials = Broker.UserInfo;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(credentials))));
        return http;
    }

    internal static string BrokerUser => Uri.UnescapeDataString(Broker.UserInfo.Split(':')[0]);

    /// <summary>A lower-case name unique to this call, that says what it is for (PostgreSQL cuts names at 63 bytes).</summary>
    internal static string UniqueName(string purpose) =>
        $"t_{new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray())}_{Guid.NewGuid():N}";
}

