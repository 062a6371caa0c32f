using System.Text.Json;
using Exchange.Adapters.Sdk;
using Exchange.Gateway.Soap;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A real gateway on a loopback port over a database and a RabbitMQ virtual host of its own, with a directory of
/// test participants (see <see cref="TestPki"/> for their keys): PORTAL sends, HEALTH provides the appeal type,
/// RSA_BODY signs with RSA; EXPIRED, REVOKED and UNTRUSTED are registered but their certificates must be refused,
/// and STRANGER's certificate is trusted but registered nowhere. Every node of the fixture reads the time from
/// <see cref="Clock"/>, which starts at the real time and moves only when a test moves it.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public static readonly MessageType Appeal = new("urn://exchange.test/appeal/1.0", "Appeal");

    /// <summary>A type of the business catalog, so its documents are validated against schemas/business.</summary>
    public static readonly MessageType CitizenAppeal = new("urn://exchange.region/appeal/1.0", "CitizenAppeal");
    public const long MaxRequestBytes = 256 * 1024;

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "exchange-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private TestVirtualHost? _virtualHost;
    private WebApplication? _app;
    private string? _directoryFile;

    public Uri BaseAddress { get; private set; } = null!;
    public Uri SoapEndpoint => new(BaseAddress, Soap.SoapEndpoint.Path);
    /// <summary>For hand-written requests, including deliberately broken ones.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>For the SDK clients: every envelope either way must conform to the official SMEV 1.3 schemas.</summary>
    public HttpClient CheckedHttp { get; } = new(new Conformance.ConformanceCheckingHandler()) { Timeout = TimeSpan.FromSeconds(30) };
    public string ConnectionString => _database!.ConnectionString;
    public string VirtualHostName => _virtualHost!.Name;

    public TestPki Pki { get; } = new();

    /// <summary>The gateway's clock (and its scheduler's): tests move it instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>The first node's services, for tests that run a piece of it directly.</summary>
    public IServiceProvider Services => _app!.Services;

    public ExchangeClient Client(string participant) => new(CheckedHttp, SoapEndpoint, Pki.Key(participant), Pki.Validator());

    /// <summary>A client whose requests are not checked for conformance, for tests that send invalid ones on purpose.</summary>
    public ExchangeClient UncheckedClient(string participant) => new(Http, SoapEndpoint, Pki.Key(participant), Pki.Validator());

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("gateway");
        _virtualHost = await TestVirtualHost.CreateAsync("gateway");
        var directoryFile = WriteDirectory();

        _directoryFile = directoryFile;
        _app = await StartNodeAsync("test-node");
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>
    /// Starts another gateway node on the same database and virtual host (as a second machine of the region would
    /// run); the caller stops and disposes it. <paramref name="settings"/> override the fixture's configuration.
    /// </summary>
    public async Task<WebApplication> StartNodeAsync(string nodeName, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = await GatewayApplication.CreateAsync([], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:exchange"] = _database!.ConnectionString,
                ["ConnectionStrings:broker"] = _virtualHost!.Address.ToString(),
                ["Exchange:Gateway:DirectoryFile"] = _directoryFile,
                ["Exchange:Signing:KeyFile"] = Path.Combine(_workDirectory, "GATEWAY.p12"),
                ["Exchange:Signing:KeyPassword"] = "test",
                ["Exchange:Signing:TrustedCertificates:0"] = Path.Combine(_workDirectory, "ca.cer"),
                ["Exchange:Signing:Crls:0"] = Path.Combine(_workDirectory, "ca.crl"),
                ["Exchange:Gateway:NodeName"] = nodeName,
                ["Exchange:Soap:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Exchange:Delivery:RelayPollInterval"] = "00:00:00.200",
                // Sweeps happen only when a test moves the clock; a short interval lets the scheduler notice soon.
                ["Exchange:Scheduler:ExpirySweepInterval"] = "00:00:01",
                ["Exchange:Scheduler:PollInterval"] = "00:00:01",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Urls"] = "http://127.0.0.1:0",
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>A client of <paramref name="participant"/> talking to another node.</summary>
    public ExchangeClient ClientOf(WebApplication node, string participant) =>
        new(CheckedHttp, new Uri(new Uri(node.Urls.First()), Soap.SoapEndpoint.Path), Pki.Key(participant), Pki.Validator());

    /// <summary>Waits (polling GetRequest) for the next request of the participant's queue.</summary>
    public async Task<ReceivedRequest> ReceiveAsync(string participant, MessageType? type = null)
    {
        var client = Client(participant);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await client.GetRequestAsync(type, TestContext.Current.CancellationToken) is { } received)
            {
                return received;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No request reached {participant} within 30 s.");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after 30 s, with what <paramref name="explain"/> finds then.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The awaited condition did not hold within 30 s." + (explain is null ? "" : " " + await explain()));
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private string WriteDirectory()
    {
        System.IO.Directory.CreateDirectory(_workDirectory);
        File.WriteAllBytes(Path.Combine(_workDirectory, "ca.cer"), Pki.Authority.CertificateDer);
        File.WriteAllBytes(Path.Combine(_workDirectory, "ca.crl"), Pki.Crl);
        File.WriteAllBytes(Path.Combine(_workDirectory, "GATEWAY.p12"), Pki.Key("GATEWAY").ExportPkcs12("test"));
        string[] registered = ["PORTAL", "HEALTH", "RSA_BODY", "EXPIRED", "REVOKED", "UNTRUSTED"];
        foreach (var name in registered)
        {
            File.WriteAllBytes(Path.Combine(_workDirectory, $"{name}.cer"), Pki.Key(name).CertificateDer);
        }

        var directory = new
        {
            participants = registered.Select(name => new
            {
                mnemonic = name,
                name = $"Participant {name}",
                certificates = new[] { $"{name}.cer" },
                provides = name == "HEALTH"
                    ? new[] { Appeal, CitizenAppeal }.Select(t => new { namespaceUri = t.NamespaceUri, rootElement = t.RootElement }).ToArray()
                    : [],
            }),
        };
        var path = Path.Combine(_workDirectory, "directory.json");
        File.WriteAllText(path, JsonSerializer.Serialize(directory));
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Http.Dispose();
        CheckedHttp.Dispose();
        Pki.Dispose();
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        System.IO.Directory.Delete(_workDirectory, recursive: true);
    }
}
