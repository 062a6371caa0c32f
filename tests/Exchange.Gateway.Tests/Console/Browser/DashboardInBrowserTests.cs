using System.Text;
using Exchange.Domain.Users;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>The dashboard in Chromium: after messages and a fault, every chart is drawn with data.</summary>
public sealed class DashboardInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    [Fact]
    public async Task after_a_delivered_message_and_a_fault_the_dashboard_draws_every_chart_with_data()
    {
        var name = $"browser.dashboard.{Guid.NewGuid():N}";
        await Gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, [UserRoles.Operator], "tester", Token);
        var sent = await GatewayFixture.SendAppealsAsync(Gateway.Client("PORTAL"), 1, "drawn in the browser");
        var received = await Gateway.ReceiveAsync("HEALTH", sent[0]);
        await Gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        using (await Gateway.Http.PostAsync(Gateway.SoapEndpoint, new StringContent("{}", Encoding.UTF8, "application/json"), Token))
        {
        }
        await Gateway.Services.GetRequiredService<MetricsFlushService>().FlushAsync(Token);

        await Window.SignInAsync(name, Password);
        await Window.Page.GotoAsync("/console/dashboard");

        var page = Window.Page;
        Assert.Equal(4, await page.Locator("svg[role=img][data-total]").CountAsync());
        Assert.Equal(0, await page.Locator("svg[data-total='0']").CountAsync());
        Assert.True(await page.Locator("#flow-chart polyline[data-series=accepted]:not([data-total='0'])").IsVisibleAsync());
        Assert.True(await page.Locator("#fault-chart rect[data-value]:not([data-value='0'])").CountAsync() >= 1);
        Assert.True(await page.Locator("#sender-chart rect[data-label=PORTAL]").IsVisibleAsync());
        Assert.Equal("Сводка", await page.InnerTextAsync("h1"));
    }
}
