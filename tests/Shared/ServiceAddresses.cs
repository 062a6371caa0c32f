using System.Net.Http.Headers;
using System.Text;

namespace Exchange.Tests.Shared;

/// <summary>Where one PostgreSQL and one RabbitMQ answer, with the credentials tests use on them.</summary>
/// <param name="PostgresAdmin">A superuser's unpooled connection string to the <c>postgres</c> database.</param>
/// <param name="Broker">amqp:// URI of the default virtual host, as an administrator of the broker.</param>
/// <param name="BrokerManagement">The broker's management HTTP API, used with the same credentials.</param>
public sealed record ServiceAddresses(string PostgresAdmin, Uri Broker, Uri BrokerManagement)
{
    public HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = BrokerManagement, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(Broker.UserInfo))));
        return http;
    }

    internal string BrokerUser => Uri.UnescapeDataString(Broker.UserInfo.Split(':')[0]);
}
