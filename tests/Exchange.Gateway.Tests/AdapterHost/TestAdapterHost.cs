using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exchange.Gateway.Tests.AdapterHost;

/// <summary>
/// An adapter host as a vendor runs it (<c>Host.CreateApplicationBuilder</c> + <c>AddExchangeAdapter</c>), speaking
/// for one participant of the fixture's gateway with its key and the test CA written to files, with the recording
/// handlers. It paces itself for tests: no <c>Prefer: wait</c> (the gateway's clock is the test's and need not move),
/// short pauses after an empty queue or a failure.
/// </summary>
public sealed class TestAdapterHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _folder;

    private TestAdapterHost(IHost host, DirectoryInfo folder)
    {
        _host = host;
        _folder = folder;
    }

    public static async Task<TestAdapterHost> StartAsync(GatewayFixture gateway, string participant, AdapterRecorder recorder,
        Action<ExchangeAdapterOptions>? configure = null)
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("exchange-adapter");
        File.WriteAllBytes(Path.Combine(folder.FullName, "key.p12"), gateway.Pki.Key(participant).ExportPkcs12("test"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "ca.cer"), gateway.Pki.Authority.CertificateDer);
        File.WriteAllBytes(Path.Combine(folder.FullName, "ca.crl"), gateway.Pki.Crl);
        var outbox = Path.Combine(folder.FullName, "outbox.db");
        var host = Build(recorder, gateway.ClientTime, outbox, client =>
        {
            client.Endpoint = gateway.SoapEndpoint;
            client.KeyFile = Path.Combine(folder.FullName, "key.p12");
            client.KeyPassword = "test";
            client.GatewayTrustedCertificates = [Path.Combine(folder.FullName, "ca.cer")];
            client.GatewayCrls = [Path.Combine(folder.FullName, "ca.crl")];
        }, configure);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new TestAdapterHost(host, folder);
    }

    /// <summary>The host, not started: for tests of what it refuses at start.</summary>
    public static IHost Build(AdapterRecorder recorder, TimeProvider clientTime, string outboxFile, Action<ExchangeClientOptions> configureClient,
        Action<ExchangeAdapterOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(clientTime);
        builder.Services.AddSingleton(recorder);
        builder.Services.AddExchangeAdapter(configureClient, adapter =>
            {
                adapter.Wait = TimeSpan.Zero;
                adapter.EmptyPollInterval = TimeSpan.FromMilliseconds(50);
                adapter.ErrorDelay = TimeSpan.FromMilliseconds(50);
                adapter.MaxErrorDelay = TimeSpan.FromMilliseconds(200);
                adapter.StatusPollInterval = TimeSpan.FromMilliseconds(50);
                configure?.Invoke(adapter);
            },
            outbox => outbox.SqlitePath = outboxFile)
            .AddMessageHandler<RecordingMessageHandler>()
            .AddStatusHandler<RecordingStatusHandler>();
        return builder.Build();
    }

    /// <summary>Stops the host as a vendor's service manager would: the handlers' token is cancelled.</summary>
    public Task StopAsync() => _host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _folder.Delete(recursive: true);
    }
}
