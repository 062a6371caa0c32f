using Exchange.Domain.Users;
using Microsoft.Playwright;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>
/// Every console page in Chromium at 1280 px as a user holding every role opens it: it loads nothing from anywhere but
/// the gateway (the region's network is closed), the browser reports no Content-Security-Policy violation or script
/// error, and nothing is wider than the window.
/// </summary>
public sealed class EveryPageInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    [Fact]
    public async Task every_page_loads_only_from_the_gateway_breaks_no_policy_and_fits_1280_pixels()
    {
        var sent = await Gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("every page"), cancellationToken: Token);
        var name = await SignedInBrowser.AddUserAsync(Gateway, "every.page", UserRoles.Operator, UserRoles.ContentReader, UserRoles.Administrator);
        var page = Window.Page;
        var foreign = new List<string>();
        var complaints = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(Gateway.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                complaints.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => complaints.Add($"{page.Url}: {error}");
        await Window.SignInAsync(name, SignedInBrowser.Password);

        string[] paths =
        [
            "/console", "/console/messages", $"/console/messages/{sent.MessageId}", "/console/overdue", "/console/failed",
            "/console/participants", "/console/dashboard", "/console/audit", "/console/users", "/console/login",
        ];
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 1280, $"{path} is {width} px wide");
        }

        Assert.True(foreign.Count == 0, "Loaded from elsewhere:\n" + string.Join("\n", foreign));
        Assert.True(complaints.Count == 0, "The browser complained:\n" + string.Join("\n", complaints));
    }
}
