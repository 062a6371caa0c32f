using Exchange.Domain.Users;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>The overdue page in Chromium, on the fixture's fixed clock moved past a request's answer deadline.</summary>
public sealed class OverdueInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    [Fact]
    public async Task an_operator_finds_an_overdue_request_under_its_recipient_and_follows_it_to_the_message()
    {
        var sent = await Gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("overdue in the browser"), cancellationToken: Token);
        // 30 calendar days from Monday 2 September 2030: due at the Moscow midnight after 2 October; five days later.
        Gateway.Clock.Advance(new DateTimeOffset(2030, 10, 8, 12, 0, 0, TimeSpan.FromHours(3)) - Gateway.Clock.GetUtcNow());
        await Window.SignInAsync(await SignedInBrowser.AddUserAsync(Gateway, "browser.overdue", UserRoles.Operator), SignedInBrowser.Password);
        var page = Window.Page;

        await page.GotoAsync("/console/overdue");
        await page.ClickAsync("tr[data-recipient='HEALTH'] a");

        var row = page.Locator($"tr[data-message-id='{sent.MessageId}']");
        Assert.Equal("HEALTH", await page.InnerTextAsync("#recipient"));
        Assert.Equal("5", await row.Locator(".days-overdue").InnerTextAsync());
        Assert.Equal($"/console/messages/{sent.MessageId}", await row.Locator("a").GetAttributeAsync("href"));
        Assert.True(await page.IsVisibleAsync("text=сначала самые давние"));
    }
}
