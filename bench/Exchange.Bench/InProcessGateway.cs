using Exchange.Gateway;
using Exchange.Gateway.Soap;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Exchange.Bench;

/// <summary>A real gateway on a loopback port inside the bench process, over the bench database and virtual host.</summary>
public sealed class InProcessGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessGateway(WebApplication app)
    {
        _app = app;
        SoapEndpoint = new Uri(new Uri(app.Urls.First()), Gateway.Soap.SoapEndpoint.Path);
    }

    public Uri SoapEndpoint { get; }

    public static async Task<InProcessGateway> StartAsync(string database, Uri virtualHost, BenchDirectory directory,
        CancellationToken cancellationToken)
    {
        var app = await GatewayApplication.CreateAsync([], builder =>
        {
            // Added last, so these win over the ConnectionStrings__* variables the bench itself was started with.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:exchange"] = database,
                ["ConnectionStrings:broker"] = virtualHost.ToString(),
                ["Exchange:Gateway:DirectoryFile"] = directory.FilePath,
                ["Exchange:Signing:KeyFile"] = directory.GatewayKeyFile,
                ["Exchange:Signing:KeyPassword"] = BenchDirectory.KeyPassword,
                ["Exchange:Signing:TrustedCertificates:0"] = directory.CaFile,
                ["Exchange:Signing:Crls:0"] = directory.CrlFile,
                ["Exchange:Gateway:NodeName"] = "bench",
                // The relay is woken by every accept; the poll only matters for work nobody signalled.
                ["Exchange:Delivery:RelayPollInterval"] = "00:00:00.050",
                // Per-message Information logs would measure the console, not the gateway.
                ["Logging:LogLevel:Default"] = "Warning",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }, cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new InProcessGateway(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
