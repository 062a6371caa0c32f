using System.Net;
using Exchange.Domain.Users;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>
/// Signing in to the console in Chromium, as an operator does: the form, the session, lockout and a page the roles do
/// not open. Each test signs in as a user of its own.
/// </summary>
public sealed class SignInInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : ConsoleInBrowserTests(gateway, chromium)
{
    private async Task<string> AddUserAsync(string label, params string[] roles)
    {
        var name = $"{label}.{Guid.NewGuid():N}"[..Math.Min(64, label.Length + 33)];
        await Gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", Token);
        return name;
    }

    [Fact]
    public async Task an_operator_signs_in_through_the_form_sees_its_name_and_signs_out_back_to_login()
    {
        var name = await AddUserAsync("browser.in.out", UserRoles.Operator);
        var page = Window.Page;

        await Window.SignInAsync(name, Password);

        Assert.Equal(ConsoleSiteExtensions.PathPrefix, Window.Path);
        Assert.Equal(name, await page.InnerTextAsync("#user"));

        await page.ClickAsync("#logout");
        await page.Locator("#username").WaitForAsync();
        await page.GotoAsync(ConsoleSiteExtensions.PathPrefix);
        Assert.Equal(ConsoleSiteExtensions.LoginPath, Window.Path);
        Assert.True(await page.IsVisibleAsync("#username"));
    }

    [Fact]
    public async Task everyWindow_page_opened_without_a_session_shows_the_login_page()
    {
        var page = Window.Page;
        var paths = ClosedConsolePaths().Append("/console/no-such-page").ToList();
        Assert.Contains("/console/users", paths);

        foreach (var path in paths)
        {
            await page.GotoAsync(path);

            Assert.True(Window.Path == ConsoleSiteExtensions.LoginPath, $"{path} led to {page.Url}");
            Assert.True(await page.IsVisibleAsync("#password"), $"{path} led to a login page without its form");
        }
    }

    [Fact]
    public async Task after_the_configured_wrong_passwords_the_right_one_gets_the_same_refusal_until_the_clock_passes_the_lockout()
    {
        var options = new ConsoleOptions();
        var name = await AddUserAsync("browser.locked", UserRoles.Operator);
        var page = Window.Page;
        await Window.SignInAsync(name, "not the password 0");
        var refusal = await page.InnerTextAsync("#refused");
        for (var i = 1; i < options.LockoutAttempts; i++)
        {
            await Window.SignInAsync(name, $"not the password {i}");
            Assert.Equal(refusal, await page.InnerTextAsync("#refused"));
        }

        await Window.SignInAsync(name, Password);
        Assert.Equal((ConsoleSiteExtensions.LoginPath, refusal), (Window.Path, await page.InnerTextAsync("#refused")));

        Gateway.Clock.Advance(options.LockoutDuration + TimeSpan.FromSeconds(1));
        await Window.SignInAsync(name, Password);
        Assert.Equal(ConsoleSiteExtensions.PathPrefix, Window.Path);
        Assert.Equal(name, await page.InnerTextAsync("#user"));
    }

    [Fact]
    public async Task an_operator_opening_the_users_page_sees_the_403_page()
    {
        var name = await AddUserAsync("browser.operator", UserRoles.Operator, UserRoles.ContentReader);
        var page = Window.Page;
        await Window.SignInAsync(name, Password);

        var response = await page.GotoAsync("/console/users");

        Assert.Equal((int)HttpStatusCode.Forbidden, response?.Status);
        Assert.True(await page.IsVisibleAsync("#status"));
        Assert.False(await page.IsVisibleAsync("#users"));
    }

    /// <summary>
    /// Every console page that needs a session, read from the Gateway's routes so that a page added later is checked
    /// too; route parameters get a value that need not exist (the session is refused before any lookup).
    /// </summary>
    private IEnumerable<string> ClosedConsolePaths() =>
        Gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(path => path.StartsWith(ConsoleSiteExtensions.PathPrefix, StringComparison.Ordinal))
            .Select(path => System.Text.RegularExpressions.Regex.Replace(path, "{[^}]*}", "1"))
            .Distinct();
}
