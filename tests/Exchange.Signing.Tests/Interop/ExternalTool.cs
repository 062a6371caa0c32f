using System.Diagnostics;

namespace Exchange.Signing.Tests.Interop;

/// <summary>
/// Runs the independent implementations the interop tests compare us with. A missing tool fails the test, never skips it:
/// interop that silently stops being checked is worse than a red build with the command that fixes it.
/// </summary>
internal static class ExternalTool
{
    public const string InstallHint = "run scripts/tools.sh (as root) to install xmlsec1, openssl and libengine-gost-openssl";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<ToolResult> RunAsync(
        string tool, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var path = Locate(tool);
        if (path is null)
        {
            Assert.Fail($"'{tool}' is not on the PATH: {InstallHint}.");
        }
        var commandLine = string.Join(' ', [tool, .. arguments]);
        var start = new ProcessStartInfo(path)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {commandLine}.");
        process.StandardInput.Close();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Leave no tool running behind a timed-out or cancelled test.
            process.Kill(entireProcessTree: true);
            if (!cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"{commandLine} did not finish within {limit.TotalSeconds} s and was killed.");
            }
            throw;
        }
        return new ToolResult(commandLine, process.ExitCode, await output, await error);
    }

    private static string? Locate(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
}
