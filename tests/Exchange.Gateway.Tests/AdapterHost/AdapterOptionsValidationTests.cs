using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests.AdapterHost;

public sealed class AdapterOptionsValidationTests
{
    private static Task StartAsync(Action<ExchangeAdapterOptions> configure, TimeSpan clientTimeout)
    {
        var host = TestAdapterHost.Build(new AdapterRecorder(), TimeProvider.System, Path.Combine(Path.GetTempPath(), $"exchange-outbox-{Guid.NewGuid():N}.db"), UnreadClient(clientTimeout), configure);
        return host.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Valid client options whose files are never read: the host is refused before it would load them.</summary>
    private static Action<ExchangeClientOptions> UnreadClient(TimeSpan timeout) => client =>
    {
        client.Endpoint = new Uri("http://127.0.0.1:9/smev/v1.3/ws");
        client.KeyFile = "unread.p12";
        client.GatewayTrustedCertificates = ["unread.cer"];
        client.Timeout = timeout;
    };

    [Fact]
    public async Task a_wait_that_does_not_end_five_seconds_before_the_client_timeout_is_refused_at_start()
    {
        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(options => options.Wait = TimeSpan.FromSeconds(26), TimeSpan.FromSeconds(30)));

        Assert.Contains("Exchange:Adapter:Wait", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Exchange:Client:Timeout", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_message_type_filter_not_written_as_a_qualified_name_is_refused_at_start()
    {
        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            StartAsync(options => options.RequestTypes = ["CitizenAppeal"], TimeSpan.FromSeconds(30)));

        Assert.Contains("{namespace}RootElement", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void an_adapter_that_receives_without_a_message_handler_is_refused_naming_the_fix()
    {
        var services = new ServiceCollection();
        services.AddExchangeAdapter(UnreadClient(TimeSpan.FromSeconds(30)), _ => { }, _ => { });
        using var provider = services.BuildServiceProvider();

        var refusal = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ExchangeAdapterOptions>>().Value);

        Assert.Contains("AddMessageHandler", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void a_second_message_handler_is_refused()
    {
        var adapter = new ServiceCollection().AddExchangeAdapter(_ => { }, _ => { }, _ => { }).AddMessageHandler<RecordingMessageHandler>();

        Assert.Throws<InvalidOperationException>(() => adapter.AddMessageHandler<RecordingMessageHandler>());
    }
}
