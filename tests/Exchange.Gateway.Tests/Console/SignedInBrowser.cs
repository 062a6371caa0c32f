using System.Net;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>Console users of a test's own (a unique name from a label), and a <see cref="ConsoleBrowser"/> signed in as one.</summary>
public static class SignedInBrowser
{
    public const string Password = "correct horse battery";

    /// <summary>Adds a user named after <paramref name="label"/> with the roles; returns its name.</summary>
    public static async Task<string> AddUserAsync(GatewayFixture gateway, string label, params string[] roles)
    {
        var name = $"{label}.{Guid.NewGuid():N}"[..Math.Min(64, label.Length + 33)];
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", TestContext.Current.CancellationToken);
        return name;
    }

    public static async Task<ConsoleBrowser> OpenAsync(GatewayFixture gateway, string label, params string[] roles)
    {
        var name = await AddUserAsync(gateway, label, roles);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        using var signedIn = await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }
}
