using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Exchange.Gateway.Tests;

/// <summary>
/// What the tests' child processes (a gateway node, the reference EDMS) share: started with `dotnet` and configured by
/// environment variables, awaited until they answer, killed the way a machine dies.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Starts `dotnet <paramref name="dll"/>` in the dll's folder, each setting as its environment variable (<c>A:B</c> as <c>A__B</c>).</summary>
    public static Process Start(string dll, IEnumerable<KeyValuePair<string, string?>> settings, DataReceivedEventHandler output)
    {
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll),
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        process.OutputDataReceived += output;
        process.ErrorDataReceived += output;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Polls <paramref name="probe"/> until it answers with success (true), the process exits or a minute passes (false).</summary>
    public static async Task<bool> AnswersAsync(Process process, HttpClient http, Uri probe, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown hooks run) and waits until it is gone.</summary>
    public static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
