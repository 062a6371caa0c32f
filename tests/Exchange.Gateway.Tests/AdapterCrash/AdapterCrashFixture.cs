using Exchange.Gateway.Soap;
using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;

namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>
/// The test gateway for adapters that run in processes of their own: its clock is the real one (the adapter signs with
/// the machine's), moved ahead by <see cref="Clock"/> when a test must see a lease run out. Adapters talk to a second
/// node whose lease is short (<see cref="LeaseDuration"/>), so running it out keeps the clock well inside the window
/// of signed Timestamps the gateway accepts. Writes the files an adapter is configured with: a participant's key and
/// the CA.
/// </summary>
public sealed class AdapterCrashFixture : IAsyncLifetime
{
    public const string KeyPassword = "test";

    public static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(2);

    private readonly string _files = Path.Combine(Path.GetTempPath(), "exchange-tests", Guid.NewGuid().ToString("N"));
    private GatewayFixture? _gateway;
    private WebApplication? _node;

    public MovableClock Clock { get; } = new();

    public GatewayFixture Gateway => _gateway ?? throw new InvalidOperationException("The adapter crash fixture is not initialized.");

    /// <summary>The SOAP endpoint of the node adapters talk to.</summary>
    public Uri SoapEndpoint => new(new Uri(_node!.Urls.First()), Soap.SoapEndpoint.Path);

    public string CaFile => Path.Combine(_files, "ca.cer");

    /// <summary>The PKCS#12 file (password <see cref="KeyPassword"/>) of a participant of the test directory.</summary>
    public string KeyFile(string participant)
    {
        var path = Path.Combine(_files, $"{participant}.p12");
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, Gateway.Pki.Key(participant).ExportPkcs12(KeyPassword));
        }
        return path;
    }

    public async ValueTask InitializeAsync()
    {
        // Processes start, are killed and start again: slower than calls within one process on a busy 2-core machine.
        _gateway = new GatewayFixture(TestServers.Default, Clock) { Patience = TimeSpan.FromMinutes(1) };
        await _gateway.InitializeAsync();
        _node = await _gateway.StartNodeAsync("adapter-node", new Dictionary<string, string?>
        {
            ["Exchange:Delivery:LeaseDuration"] = LeaseDuration.ToString(),
        });
        System.IO.Directory.CreateDirectory(_files);
        await File.WriteAllBytesAsync(CaFile, Gateway.Pki.Authority.CertificateDer);
    }

    /// <summary>xunit calls this also when <see cref="InitializeAsync"/> failed half-way.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_node is not null)
            {
                await _node.StopAsync();
                await _node.DisposeAsync();
            }
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }
        }
        finally
        {
            if (System.IO.Directory.Exists(_files))
            {
                System.IO.Directory.Delete(_files, recursive: true);
            }
        }
    }
}
