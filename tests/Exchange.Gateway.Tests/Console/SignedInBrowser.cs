using System.Net;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>A <see cref="ConsoleBrowser"/> signed in as a console user of its own, made with the given roles.</summary>
public static class SignedInBrowser
{
    private const string Password = "correct horse battery";

    public static async Task<ConsoleBrowser> OpenAsync(GatewayFixture gateway, string label, params string[] roles)
    {
        var name = $"{label}.{Guid.NewGuid():N}"[..Math.Min(64, label.Length + 33)];
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", TestContext.Current.CancellationToken);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        using var signedIn = await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
