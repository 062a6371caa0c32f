using Microsoft.Playwright;

namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>
/// One test's browser page on the console. Disposed after a failed test, it first saves a full-page screenshot as
/// <c>screenshots/&lt;Class&gt;.&lt;test&gt;.png</c> under the test results (<c>EXCHANGE_TEST_RESULTS</c>, which
/// scripts/test.sh sets), or beside the test assembly when run otherwise.
/// </summary>
public sealed class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>Fills the login form and submits it; the page is then wherever the console sent the browser.</summary>
    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/console/login");
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#sign-in");
        // The page the post leads to: the refusal, the console, or a status page. Waiting for the load state alone
        // could return for the login page still showing, before the post navigated.
        await Page.Locator("#refused, #user, #status").First.WaitForAsync();
    }

    /// <summary>The path the browser is on now.</summary>
    public string Path => new Uri(Page.Url).AbsolutePath;

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await Page.ScreenshotAsync(new() { Path = ScreenshotPath(), FullPage = true });
        }
        await context.DisposeAsync();
    }

    private static string ScreenshotPath()
    {
        var results = Environment.GetEnvironmentVariable("EXCHANGE_TEST_RESULTS") is { Length: > 0 } set ? set : AppContext.BaseDirectory;
        var test = TestContext.Current.Test!.TestCase;
        return System.IO.Path.Combine(results, "screenshots", $"{test.TestClassSimpleName}.{test.TestMethodName}.png");
    }
}
