namespace Exchange.Signing.Tests.Interop;

/// <summary>What an external tool did: its exit code and everything it printed.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Fails the test, showing the command and its output, unless the tool exited with 0.</summary>
    public ToolResult EnsureSucceeded()
    {
        if (!Succeeded)
        {
            Assert.Fail($"Expected success from: {this}");
        }
        return this;
    }

    public override string ToString() =>
        $"{CommandLine}\nexit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
