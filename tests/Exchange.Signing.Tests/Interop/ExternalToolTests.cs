using System.Diagnostics;
using Xunit.Sdk;

namespace Exchange.Signing.Tests.Interop;

public sealed class ExternalToolTests
{
    [Fact]
    public async Task a_missing_tool_fails_the_test_with_the_script_that_installs_it()
    {
        using var scratch = new ScratchDirectory();

        var failure = await Assert.ThrowsAsync<FailException>(() =>
            ExternalTool.RunAsync("exchange-no-such-tool", [], scratch.Path, TestContext.Current.CancellationToken));

        Assert.Contains("exchange-no-such-tool", failure.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/tools.sh", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_tool_that_outlives_its_timeout_is_killed_and_fails_the_test()
    {
        using var scratch = new ScratchDirectory();
        var clock = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<FailException>(() =>
            ExternalTool.RunAsync("sleep", ["30"], scratch.Path, TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(200)));

        Assert.Contains("did not finish within 0.2 s", failure.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
