using System.Diagnostics;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A gateway node in a process of its own (the gateway assembly the tests are built with), so a test can kill it the
/// way a machine dies: SIGKILL, no shutdown hooks, no graceful stop.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri SoapEndpoint => new(BaseAddress, Soap.SoapEndpoint.Path);

    public static async Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}/");
        var process = ChildProcess.Start(Path.Combine(AppContext.BaseDirectory, "Exchange.Gateway.dll"),
            settings.Append(new("Urls", baseAddress.ToString())), (_, _) => { });
        var gateway = new GatewayProcess(process, baseAddress);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        if (await ChildProcess.AnswersAsync(process, http, new Uri(baseAddress, "/health/ready"), cancellationToken))
        {
            return gateway;
        }
        await gateway.DisposeAsync();
        throw new TimeoutException($"The gateway process did not become ready on {baseAddress} (exited: {process.HasExited}).");
    }

    /// <summary>Kills the process with SIGKILL and waits until it is gone.</summary>
    public Task KillAsync() => ChildProcess.KillAsync(_process);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
