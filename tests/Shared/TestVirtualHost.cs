using System.Net;
using System.Net.Http.Json;

namespace Exchange.Tests.Shared;

/// <summary>A RabbitMQ virtual host of its own for one test class (or one bench run); deleted on dispose.</summary>
public sealed class TestVirtualHost(string name, Uri address, ServiceAddresses servers) : IAsyncDisposable
{
    /// <summary>
    /// A fresh RabbitMQ virtual host the test user may use fully, on the run's shared broker unless <paramref name="servers"/>
    /// name another; deleted on dispose.
    /// </summary>
    public static Task<TestVirtualHost> CreateAsync(string purpose, ServiceAddresses? servers = null) =>
        CreateNamedAsync(TestServers.UniqueName(purpose), servers ?? TestServers.Default, replace: false, CancellationToken.None);

    /// <summary>
    /// A fresh virtual host named <paramref name="name"/>: whatever a run that did not finish left under that name is
    /// deleted first. Deleted on dispose.
    /// </summary>
    public static Task<TestVirtualHost> ReplaceAsync(string name, ServiceAddresses servers, CancellationToken cancellationToken) =>
        CreateNamedAsync(name, servers, replace: true, cancellationToken);

    private static async Task<TestVirtualHost> CreateNamedAsync(string name, ServiceAddresses servers, bool replace, CancellationToken cancellationToken)
    {
        using var http = servers.ManagementClient();
        try
        {
            if (replace)
            {
                using var deleted = await http.DeleteAsync($"api/vhosts/{name}", cancellationToken);
                // 404: nothing was left over.
                if (deleted.StatusCode != HttpStatusCode.NotFound)
                {
                    deleted.EnsureSuccessStatusCode();
                }
            }
            (await http.PutAsync($"api/vhosts/{name}", JsonContent.Create(new { }), cancellationToken)).EnsureSuccessStatusCode();
            (await http.PutAsync($"api/permissions/{name}/{servers.BrokerUser}",
                JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }), cancellationToken)).EnsureSuccessStatusCode();
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
