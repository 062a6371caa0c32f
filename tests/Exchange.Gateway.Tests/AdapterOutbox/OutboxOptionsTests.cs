using Exchange.Adapters.Sdk.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>The outbox's settings are checked when the host starts, and it is registered once.</summary>
public sealed class OutboxOptionsTests
{
    [Fact]
    public async Task a_host_with_settings_the_outbox_cannot_use_does_not_start_and_says_which()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddExchangeOutbox(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Schema"] = "edms; DROP TABLE documents",
            ["RetryDelay"] = "00:10:00",
            ["MaxRetryDelay"] = "00:01:00",
        }).Build());
        using var host = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(refused.Failures, f => f.Contains("Exchange:Outbox:Schema", StringComparison.Ordinal));
        Assert.Contains(refused.Failures, f => f.Contains("RetryDelay", StringComparison.Ordinal));
    }

    [Fact]
    public void a_second_outbox_is_refused()
    {
        var services = new ServiceCollection().AddExchangeOutbox(_ => { });

        var refused = Assert.Throws<InvalidOperationException>(() => services.AddExchangeOutbox(_ => { }));

        Assert.Contains("twice", refused.Message);
    }
}
