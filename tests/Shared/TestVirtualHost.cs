using System.Net.Http.Json;

namespace Exchange.Tests.Shared;

/// <summary>A RabbitMQ virtual host of its own for one test class; deleted on dispose.</summary>
public sealed class TestVirtualHost(string name, Uri address, ServiceAddresses servers) : IAsyncDisposable
{
    /// <summary>
    /// A fresh RabbitMQ virtual host the test user may use fully, on the run's shared broker unless <paramref name="servers"/>
    /// name another; deleted on dispose.
    /// </summary>
    public static async Task<TestVirtualHost> CreateAsync(string purpose, ServiceAddresses? servers = null)
    {
        servers ??= TestServers.Default;
        var name = TestServers.UniqueName(purpose);
        using var http = servers.ManagementClient();
        try
        {
            (await http.PutAsync($"api/vhosts/{name}", JsonContent.Create(new { }))).EnsureSuccessStatusCode();
            (await http.PutAsync($"api/permissions/{name}/{servers.BrokerUser}",
                JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }))).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException(
                $"RabbitMQ management for tests is not reachable at {servers.BrokerManagement} ({e.Message}). Start it with '{TestServers.StartCommand}'.", e);
        }
        var builder = new UriBuilder(servers.Broker) { Path = "/" + Uri.EscapeDataString(name) };
        return new TestVirtualHost(name, builder.Uri, servers);
    }


    public string Name { get; } = name;

    /// <summary>amqp:// URI of this virtual host.</summary>
    public Uri Address { get; } = address;

    public async ValueTask DisposeAsync()
    {
        using var http = servers.ManagementClient();
        await http.DeleteAsync($"api/vhosts/{Name}");
    }
}
