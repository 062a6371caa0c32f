using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>An operator searches messages in Chromium: the form, its period in the region's time, the row it finds.</summary>
public sealed class MessageSearchInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    [Fact]
    public async Task an_operator_fills_sender_and_period_submits_and_sees_the_message_it_sent()
    {
        // An hour of this test's own: the search's period holds its messages only.
        Gateway.Clock.Advance(TimeSpan.FromHours(1));
        var start = Gateway.Clock.GetUtcNow();
        var sent = await Gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("found in the browser"), cancellationToken: Token);
        var name = $"browser.search.{Guid.NewGuid():N}";
        await Gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, [UserRoles.Operator], "tester", Token);
        var time = Gateway.Services.GetRequiredService<ConsoleTime>();
        var page = Window.Page;
        await Window.SignInAsync(name, Password);

        await page.GotoAsync("/console/messages");
        await page.FillAsync("#sender", "PORTAL");
        await page.FillAsync("#from", time.ToInput(start));
        await page.FillAsync("#to", time.ToInput(start.AddHours(1)));
        await page.ClickAsync("#find");
        // Waiting for the row, not the URL: WaitForURL's wait for "load" once hung past a page already shown (fresh run 69).
        var row = page.Locator($"tr[data-message-id='{sent.MessageId}']");
        await row.WaitForAsync();

        Assert.Contains("sender=PORTAL", page.Url);
        Assert.Equal(1, await page.Locator("#messages tbody tr").CountAsync());
        Assert.Contains("PORTAL", await row.InnerTextAsync());
        Assert.Equal($"/console/messages/{sent.MessageId}", await row.Locator("a.id").GetAttributeAsync("href"));
        Assert.Equal("PORTAL", await page.InputValueAsync("#sender"));
        Assert.Equal(time.ToInput(start), await page.InputValueAsync("#from"));
    }
}
