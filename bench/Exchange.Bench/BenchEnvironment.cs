using Exchange.Adapters.Sdk;
using Exchange.Signing.Algorithms;
using Exchange.Tests.Shared;

namespace Exchange.Bench;

/// <summary>
/// What a bench run works on: a fresh database and virtual host, keys, a directory and an in-process gateway, with a
/// client of the sender and one of the receiver; all torn down again on dispose.
/// </summary>
public sealed class BenchEnvironment : IAsyncDisposable
{
    private readonly List<Func<ValueTask>> _disposals = [];
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private BenchEnvironment()
    {
    }

    public string ConnectionString { get; private set; } = null!;
    public ExchangeClient Sender { get; private set; } = null!;
    public ExchangeClient Receiver { get; private set; } = null!;

    public static async Task<BenchEnvironment> StartAsync(KeyAlgorithm algorithm, CancellationToken cancellationToken)
    {
        var environment = new BenchEnvironment();
        try
        {
            var servers = BenchServers.FromEnvironment();
            var database = environment.Own(await TestDatabase.ReplaceAsync(BenchServers.Name, servers, cancellationToken));
            var virtualHost = environment.Own(await TestVirtualHost.ReplaceAsync(BenchServers.Name, servers, cancellationToken));
            var pki = environment.OwnDisposable(new BenchPki(algorithm));
            var directory = environment.OwnDisposable(new BenchDirectory(pki));
            var gateway = environment.Own(await InProcessGateway.StartAsync(database.ConnectionString, virtualHost.Address, directory, cancellationToken));
            environment.ConnectionString = database.ConnectionString;
            environment.Sender = new ExchangeClient(environment._http, gateway.SoapEndpoint, pki.Sender, pki.Validator());
            environment.Receiver = new ExchangeClient(environment._http, gateway.SoapEndpoint, pki.Receiver, pki.Validator());
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    private T Own<T>(T resource) where T : IAsyncDisposable
    {
        _disposals.Add(resource.DisposeAsync);
        return resource;
    }

    private T OwnDisposable<T>(T resource) where T : IDisposable
    {
        _disposals.Add(() =>
        {
            resource.Dispose();
            return ValueTask.CompletedTask;
        });
        return resource;
    }

    /// <summary>In the reverse order of starting: the gateway before its database.</summary>
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        for (var i = _disposals.Count - 1; i >= 0; i--)
        {
            await _disposals[i]();
        }
    }
}
