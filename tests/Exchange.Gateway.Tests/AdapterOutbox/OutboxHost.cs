using System.Diagnostics.Metrics;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Exchange.Adapters.Sdk.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>
/// An adapter process with the SDK's outbox alone, speaking for one participant of the test gateway on the clients'
/// clock. Built, it can enqueue without sending (as a process that crashes before its sender ran); started, it sends.
/// </summary>
public sealed class OutboxHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly HttpClient _http;
    private bool _started;

    /// <param name="addOutbox">Registers the outbox on the test's store.</param>
    /// <param name="endpoint">Another node's SOAP endpoint; the fixture's first node when null.</param>
    public OutboxHost(GatewayFixture gateway, Action<IServiceCollection> addOutbox, string participant = "PORTAL", Uri? endpoint = null,
        SendCounter? counter = null)
    {
        Counter = counter ?? new SendCounter();
        _http = new HttpClient(Counter, disposeHandler: counter is null) { Timeout = TimeSpan.FromSeconds(30) };
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(gateway.ClientTime);
        builder.Services.AddTransient(_ => new ExchangeClient(_http, endpoint ?? gateway.SoapEndpoint, gateway.Pki.Key(participant),
            gateway.Pki.Validator(), time: gateway.ClientTime));
        addOutbox(builder.Services);
        _host = builder.Build();
        Measurements = new HostMeasurements(_host.Services.GetRequiredService<IMeterFactory>());
    }

    /// <summary>What this host's outbox counted (meter <c>Exchange.Adapters</c>).</summary>
    public HostMeasurements Measurements { get; }

    /// <summary>The SendRequest and SendResponse calls this host made (shared when the test gave the counter).</summary>
    public SendCounter Counter { get; }

    public IExchangeOutbox Outbox => _host.Services.GetRequiredService<IExchangeOutbox>();

    public ExchangeOutboxStatus Status => _host.Services.GetRequiredService<ExchangeOutboxStatus>();

    public async Task StartAsync()
    {
        await _host.StartAsync(TestContext.Current.CancellationToken);
        _started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }
        Measurements.Dispose();
        _host.Dispose();
        _http.Dispose();
    }
}
