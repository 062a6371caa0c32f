using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Exchange.Bench;

/// <summary>The bench's own RabbitMQ virtual host, made fresh for each run through the management API and deleted after.</summary>
public sealed class BenchVirtualHost : IAsyncDisposable
{
    private static readonly string VirtualHostPath = $"api/vhosts/{BenchServers.Name}";

    private readonly HttpClient _management;

    private BenchVirtualHost(HttpClient management) => _management = management;

    public static async Task<BenchVirtualHost> CreateAsync(BenchServers servers, CancellationToken cancellationToken)
    {
        var management = new HttpClient { BaseAddress = servers.Management, Timeout = TimeSpan.FromSeconds(30) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(servers.ManagementCredentials)));
        try
        {
            await DeleteAsync(management, cancellationToken);
            (await management.PutAsync(VirtualHostPath, JsonContent.Create(new { }), cancellationToken)).EnsureSuccessStatusCode();
            (await management.PutAsync($"api/permissions/{BenchServers.Name}/{Uri.EscapeDataString(servers.BrokerUser)}",
                JsonContent.Create(new { configure = ".*", write = ".*", read = ".*" }), cancellationToken)).EnsureSuccessStatusCode();
        }
        catch
        {
            management.Dispose();
            throw;
        }
        return new BenchVirtualHost(management);
    }

    public async ValueTask DisposeAsync()
    {
        await DeleteAsync(_management, CancellationToken.None);
        _management.Dispose();
    }

    private static async Task DeleteAsync(HttpClient management, CancellationToken cancellationToken)
    {
        using var response = await management.DeleteAsync(VirtualHostPath, cancellationToken);
        // 404: nothing left over from an earlier run.
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}
