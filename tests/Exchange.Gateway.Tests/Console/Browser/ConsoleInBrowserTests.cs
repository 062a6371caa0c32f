namespace Exchange.Gateway.Tests.Console.Browser;

/// <summary>
/// A class of tests driving the console in Chromium: one gateway and one browser per class, a page of its own (no
/// cookies of other tests) per test, which saves a screenshot when its test failed.
/// </summary>
public abstract class ConsoleInBrowserTests(GatewayFixture gateway, ChromiumFixture chromium)
    : IClassFixture<GatewayFixture>, IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    protected const string Password = SignedInBrowser.Password;

    protected GatewayFixture Gateway { get; } = gateway;

    protected ConsolePage Window { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Window = await chromium.OpenAsync(Gateway.BaseAddress);

    public ValueTask DisposeAsync() => Window.DisposeAsync();
}
