using System.Text;
using Exchange.Domain.Users;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>The dashboard in Chromium: after messages and a fault, every chart is drawn with data.</summary>
public sealed class DashboardInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : IClassFixture<GatewayFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private const string Password = "correct horse battery";

    private ConsolePage _console = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _console = await chromium.OpenAsync(gateway.BaseAddress);

    public ValueTask DisposeAsync() => _console.DisposeAsync();

    [Fact]
    public async Task after_a_delivered_message_and_a_fault_the_dashboard_draws_every_chart_with_data()
    {
        var name = $"browser.dashboard.{Guid.NewGuid():N}";
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, [UserRoles.Operator], "tester", Token);
        var sent = await GatewayFixture.SendAppealsAsync(gateway.Client("PORTAL"), 1, "drawn in the browser");
        var received = await gateway.ReceiveAsync("HEALTH", sent[0]);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        using (await gateway.Http.PostAsync(gateway.SoapEndpoint, new StringContent("{}", Encoding.UTF8, "application/json"), Token))
        {
        }
        await gateway.Services.GetRequiredService<MetricsFlushService>().FlushAsync(Token);

        await _console.SignInAsync(name, Password);
        await _console.Page.GotoAsync("/console/dashboard");

        var page = _console.Page;
        Assert.Equal(4, await page.Locator("svg[role=img][data-total]").CountAsync());
        Assert.Equal(0, await page.Locator("svg[data-total='0']").CountAsync());
        Assert.True(await page.Locator("#flow-chart polyline[data-series=accepted]:not([data-total='0'])").IsVisibleAsync());
        Assert.True(await page.Locator("#fault-chart rect[data-value]:not([data-value='0'])").CountAsync() >= 1);
        Assert.True(await page.Locator("#sender-chart rect[data-label=PORTAL]").IsVisibleAsync());
        Assert.Equal("Сводка", await page.InnerTextAsync("h1"));
    }
}
