using System.Diagnostics;
using System.Text;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>
/// The reference EDMS, <c>exchange-edms</c>, in a process of its own, configured by environment variables, so a test
/// can kill it with SIGKILL as a machine dies. Its output is kept for the failure message.
/// </summary>
public sealed class EdmsProcess : IAsyncDisposable
{
    public const string ApiKey = "adapter-crash-test-api-key";

    private readonly Process _process;
    private readonly StringBuilder _output;

    private EdmsProcess(Process process, Uri baseAddress, StringBuilder output)
    {
        _process = process;
        _output = output;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    /// <summary>A client of the EDMS's JSON API, carrying its key.</summary>
    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the process wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the EDMS built beside these tests (same configuration) with <paramref name="settings"/> (configuration keys)
    /// on a free port, and returns once its API answers: its schema is migrated by then and its adapter host started.
    /// </summary>
    public static async Task<EdmsProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{ChildProcess.FreePort()}/");
        var output = new StringBuilder();
        var process = ChildProcess.Start(BuiltDll(), settings.Append(new("Kestrel:Endpoints:Http:Url", baseAddress.ToString())),
            (_, line) => Record(output, line.Data));
        var edms = new EdmsProcess(process, baseAddress, output);
        if (await ChildProcess.AnswersAsync(process, edms.Http, new Uri(baseAddress, "/api/journals"), cancellationToken))
        {
            return edms;
        }
        await edms.DisposeAsync();
        throw new TimeoutException($"The EDMS did not become ready on {baseAddress} (exited: {process.HasExited}). Its output:\n{edms.Output}");
    }

    /// <summary>Kills the process with SIGKILL (no shutdown hooks run) and waits until it is gone.</summary>
    public Task KillAsync() => ChildProcess.KillAsync(_process);

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private static void Record(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>
    /// exchange-edms.dll in the EDMS project's own output folder of the configuration and framework these tests run
    /// with (the test project builds it without copying it, so its appsettings.json stays out of the gateway's way).
    /// </summary>
    private static string BuiltDll()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Adapters", "Exchange.Adapters.Edms", "bin", configuration.Name, framework.Name,
            "exchange-edms.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"exchange-edms is not built: {dll} is missing.", dll);
    }
}
