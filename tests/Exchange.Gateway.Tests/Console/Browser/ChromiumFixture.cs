using Microsoft.Playwright;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright: launched once per test class, a new context (cookies, storage)
/// for each test. Playwright's own browser download cannot work on the machines the suite runs on, so the browser is
/// the system's; without it the class fails with the command that installs it, never skips.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run scripts/tools.sh (it installs Debian's chromium with apt).");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>A page in a context of its own (no cookies of other tests) on the gateway at <paramref name="baseAddress"/>.</summary>
    public async Task<ConsolePage> OpenAsync(Uri baseAddress)
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = baseAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        return new ConsolePage(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
