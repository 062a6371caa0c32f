using System.Text.Json;
using Exchange.Adapters.Sdk;
using Exchange.Domain.Directory;
using Exchange.Gateway.Directory;
using Exchange.Gateway.Soap;
using Exchange.Gateway.Storage.Directory;
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
/// <see cref="Clock"/>, which starts at <see cref="Start"/> whatever the day the tests run, and moves only when a test
/// moves it (unless the fixture was made with another clock); the clients read <see cref="ClientTime"/>, which follows it.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public static readonly MessageType Appeal = new("urn://exchange.test/appeal/1.0", "Appeal");

    /// <summary>A type of the business catalog, so its documents are validated against schemas/business.</summary>
    public static readonly MessageType CitizenAppeal = new("urn://exchange.region/appeal/1.0", "CitizenAppeal");

    /// <summary>The response types of the test directory.</summary>
    public static readonly MessageType AppealAnswer = new(Appeal.NamespaceUri, "AppealAnswer");
    public static readonly MessageType CitizenAppealAnswer = new(CitizenAppeal.NamespaceUri, "CitizenAppealAnswer");
    /// <summary>
    /// Requests any participant may send to any other it names in <c>To</c>, with their answers: what the contract
    /// suite's adapters send (a test type, and the region's official letter, which the reference EDMS writes).
    /// </summary>
    public static readonly MessageType Notice = new("urn://exchange.test/notice/1.0", "Notice");
    public static readonly MessageType NoticeReceipt = new(Notice.NamespaceUri, "NoticeReceipt");
    public static readonly MessageType OfficialLetter = new("urn://exchange.region/correspondence/1.0", "OfficialLetter");
    public static readonly MessageType OfficialLetterReceipt = new(OfficialLetter.NamespaceUri, "OfficialLetterReceipt");

    public const long MaxRequestBytes = 256 * 1024;
    public const long MaxTotalAttachmentBytes = 128 * 1024;
    public const int BrokerDeliveryLimit = 3;

    /// <summary>
    /// Where the test clock starts: Monday 2 September 2030, 09:00 in Moscow. Fixed, so that no deadline, window or
    /// expiry depends on the day the suite runs; thirty days on is an ordinary Wednesday, with no holiday, month end or
    /// year end in reach of any test. In UTC, as a real clock reads.
    /// </summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2030, 9, 2, 9, 0, 0, TimeSpan.FromHours(3)).ToUniversalTime();

    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "exchange-tests", Guid.NewGuid().ToString("N"));
    private readonly ServiceAddresses _servers;
    private readonly TimeProvider _time;
    private TestDatabase? _database;
    private TestVirtualHost? _virtualHost;
    private WebApplication? _app;
    private string? _directoryFile;

    /// <summary>A gateway over the run's shared PostgreSQL and RabbitMQ.</summary>
    public GatewayFixture() : this(TestServers.Default)
    {
    }

    /// <summary>A gateway over another PostgreSQL and RabbitMQ, e.g. a pair that a test crashes.</summary>
    /// <param name="time">The clock every node reads instead of <see cref="Clock"/>.</param>
    internal protected GatewayFixture(ServiceAddresses servers, TimeProvider? time = null)
    {
        _servers = servers;
        _time = time ?? Clock;
        ClientTime = time ?? new ClientClock(Clock);
        Pki = new TestPki(_time.GetUtcNow());
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The CRL file the gateway trusts (replace it to publish a new CRL).</summary>
    public string CrlFile => Path.Combine(_workDirectory, "ca.crl");

    /// <summary>The directory file the gateway imported at start (certificates as files beside it).</summary>
    public string DirectoryFile => _directoryFile!;
    public Uri SoapEndpoint => new(BaseAddress, Soap.SoapEndpoint.Path);
    /// <summary>For hand-written requests, including deliberately broken ones.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>For the SDK clients: every envelope either way must conform to the official SMEV 1.3 schemas.</summary>
    public HttpClient CheckedHttp { get; } = new(new Conformance.ConformanceCheckingHandler()) { Timeout = TimeSpan.FromSeconds(30) };
    public string ConnectionString => _database!.ConnectionString;
    public string VirtualHostName => _virtualHost!.Name;
    public Uri BrokerAddress => _virtualHost!.Address;

    public TestPki Pki { get; }

    /// <summary>The admin API's token in this fixture; its holder appears in the audit as "tester".</summary>
    public string AdminToken { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    /// <summary>An HTTP client for the admin API of the first node, carrying <see cref="AdminToken"/>.</summary>
    public HttpClient Admin(WebApplication? node = null) => Bearer(AdminToken, node);

    /// <summary>An HTTP client for the first node (or <paramref name="node"/>) sending <c>Authorization: Bearer <paramref name="token"/></c>.</summary>
    public HttpClient Bearer(string token, WebApplication? node = null)
    {
        var client = new HttpClient { BaseAddress = node is null ? BaseAddress : new Uri(node.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <param name="mtom">Talk MTOM (multipart/related) instead of text/xml.</param>
    public ExchangeClient Client(string participant, bool mtom = false) =>
        new(CheckedHttp, SoapEndpoint, Pki.Key(participant), Pki.Validator(), mtom, ClientTime);

    /// <summary>How long the waiting helpers wait for something to arrive or hold before the test fails.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The gateway's clock (and its scheduler's): tests move it instead of waiting.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The clock of the fixture's clients: <see cref="ClientClock"/> over <see cref="Clock"/>, or the fixture's own clock.</summary>
    public TimeProvider ClientTime { get; }

    /// <summary>The first node's services, for tests that run a piece of it directly.</summary>
    public IServiceProvider Services => _app!.Services;


    /// <summary>A client whose requests are not checked for conformance, for tests that send invalid ones on purpose.</summary>
    public ExchangeClient UncheckedClient(string participant) => new(Http, SoapEndpoint, Pki.Key(participant), Pki.Validator(), time: ClientTime);

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("gateway", _servers);
        _virtualHost = await TestVirtualHost.CreateAsync("gateway", _servers);
        var directoryFile = WriteDirectory();

        _directoryFile = directoryFile;
        _app = await StartNodeAsync("test-node");
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>
    /// Starts another gateway node on the same database and virtual host (as a second machine of the region would
    /// run); the caller stops and disposes it. <paramref name="settings"/> override the fixture's configuration.
    /// </summary>
    /// <param name="settings">Configuration that differs from the first node's, e.g. a smaller quota.</param>
    /// <param name="configure">Anything else the node needs, e.g. a logger provider that records what it logs.</param>
    public async Task<WebApplication> StartNodeAsync(string nodeName, IReadOnlyDictionary<string, string?>? settings = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var app = await GatewayApplication.CreateAsync([], builder =>
        {
            builder.Services.AddSingleton(_time);
            builder.Configuration.AddInMemoryCollection(NodeSettings(nodeName));
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            configure?.Invoke(builder);
        }, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    /// <summary>The configuration of a node of this fixture (its database, virtual host, keys and directory).</summary>
    public Dictionary<string, string?> NodeSettings(string nodeName) => new()
    {
        ["ConnectionStrings:exchange"] = _database!.ConnectionString,
        ["ConnectionStrings:broker"] = _virtualHost!.Address.ToString(),
        ["Exchange:Gateway:DirectoryFile"] = _directoryFile,
        ["Exchange:Signing:KeyFile"] = Path.Combine(_workDirectory, "GATEWAY.p12"),
        ["Exchange:Signing:KeyPassword"] = "test",
        ["Exchange:Signing:TrustedCertificates:0"] = Path.Combine(_workDirectory, "ca.cer"),
        ["Exchange:Signing:Crls:0"] = Path.Combine(_workDirectory, "ca.crl"),
        ["Exchange:Gateway:NodeName"] = nodeName,
        ["Exchange:Admin:Tokens:tester"] = AdminToken,
        // The fixture speaks plain HTTP on loopback, where a Secure cookie would never come back.
        ["Exchange:Console:AllowInsecureCookies"] = "true",
        ["Exchange:Soap:MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exchange:Soap:MaxTotalAttachmentBytes"] = MaxTotalAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exchange:Delivery:RelayPollInterval"] = "00:00:00.200",
        // After a broker outage the relay tries again within a second, well inside the tests' 30 s patience.
        ["Exchange:Delivery:RelayMaxBackoff"] = "00:00:01",
        // A message that can never be stored is given up after four quick attempts instead of twenty-one a second apart.
        ["Exchange:Broker:DeliveryLimit"] = BrokerDeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Exchange:Broker:RetryDelay"] = "00:00:00.100",
        // Sweeps happen only when a test moves the clock; a short interval lets the scheduler notice soon.
        ["Exchange:Scheduler:ExpirySweepInterval"] = "00:00:01",
        ["Exchange:Scheduler:PollInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Urls"] = "http://127.0.0.1:0",
    };

    /// <summary>A client of <paramref name="participant"/> talking to another node.</summary>
    public ExchangeClient ClientOf(WebApplication node, string participant) =>
        new(CheckedHttp, new Uri(new Uri(node.Urls.First()), Soap.SoapEndpoint.Path), Pki.Key(participant), Pki.Validator(), time: ClientTime);

    /// <summary>Sends <paramref name="count"/> appeals one after another, each text the label and its number; returns their MessageIDs.</summary>
    public static async Task<List<Guid>> SendAppealsAsync(ExchangeClient sender, int count, string label)
    {
        var sent = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var metadata = await sender.SendRequestAsync(BusinessDocuments.Appeal($"{label} {i}"), cancellationToken: TestContext.Current.CancellationToken);
            sent.Add(metadata.MessageId);
        }
        return sent;
    }

    /// <summary>
    /// Takes the next <paramref name="count"/> requests of <paramref name="among"/> from the participant's queue,
    /// acknowledging none of them; requests that earlier tests left are acknowledged on the way.
    /// </summary>
    public async Task<List<Guid>> TakeAsync(string participant, IReadOnlyCollection<Guid> among, int count)
    {
        var client = Client(participant);
        var taken = new List<Guid>();
        await WaitUntilAsync(async () =>
        {
            while (taken.Count < count && await client.GetRequestAsync(cancellationToken: TestContext.Current.CancellationToken) is { } received)
            {
                if (among.Contains(received.MessageId))
                {
                    taken.Add(received.MessageId);
                }
                else
                {
                    await client.AckAsync(received.MessageId, cancellationToken: TestContext.Current.CancellationToken);
                }
            }
            return taken.Count == count;
        }, () => Task.FromResult($"{participant} was handed {taken.Count} of the {count} requests to take."));
        return taken;
    }

    /// <summary>
    /// Waits (polling GetRequest) for the next request of the participant's queue, whatever it is: only for a participant
    /// the test registered itself, whose queue no other test fills.
    /// </summary>
    public async Task<ReceivedRequest> ReceiveAsync(string participant, MessageType? type = null, bool mtom = false)
    {
        var client = Client(participant, mtom);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.GetRequestAsync(type, TestContext.Current.CancellationToken) is { } received)
            {
                return received;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No request reached {participant} within {Patience.TotalSeconds} s.");
    }

    /// <summary>
    /// Waits for one particular request (asking for <paramref name="type"/>, when given); requests that earlier tests of
    /// the class left in the participant's queue are acknowledged on the way, so they cannot stand in for it.
    /// </summary>
    public Task<ReceivedRequest> ReceiveAsync(string participant, Guid messageId, bool mtom = false, MessageType? type = null) =>
        ReceiveAsync(Client(participant, mtom), messageId, type);

    /// <summary>
    /// <see cref="ReceiveAsync(string, Guid, bool, MessageType?)"/> through a client of the test's making (another node,
    /// a recording handler).
    /// </summary>
    public async Task<ReceivedRequest> ReceiveAsync(ExchangeClient client, Guid messageId, MessageType? type = null)
    {
        ReceivedRequest? own = null;
        await WaitUntilAsync(async () =>
        {
            while (await client.GetRequestAsync(type, TestContext.Current.CancellationToken) is { } received)
            {
                if (received.MessageId == messageId)
                {
                    own = received;
                    return true;
                }
                await client.AckAsync(received.MessageId, cancellationToken: TestContext.Current.CancellationToken);
            }
            return false;
        }, () => Task.FromResult($"Request {messageId} was not handed out."));
        return own!;
    }

    /// <summary>
    /// Takes and acknowledges every request waiting for the participant now (of <paramref name="type"/> only, when given;
    /// through <paramref name="node"/>, when given) and returns them. Earlier tests' leftovers come too: a test looks
    /// for its own among them.
    /// </summary>
    public async Task<List<ReceivedRequest>> DrainRequestsAsync(string participant, MessageType? type = null, WebApplication? node = null)
    {
        var client = node is null ? Client(participant) : ClientOf(node, participant);
        var drained = new List<ReceivedRequest>();
        while (await client.GetRequestAsync(type, TestContext.Current.CancellationToken) is { } received)
        {
            drained.Add(received);
            await client.AckAsync(received.MessageId, cancellationToken: TestContext.Current.CancellationToken);
        }
        return drained;
    }

    /// <summary>
    /// Fails if a GetRequest of the participant hands out any of <paramref name="messageIds"/> now: drains what is
    /// waiting (see <see cref="DrainRequestsAsync"/>), so requests other tests left cannot make the queue look non-empty.
    /// </summary>
    public async Task AssertNoneHandedOutAsync(string participant, IEnumerable<Guid> messageIds, MessageType? type = null,
        WebApplication? node = null)
    {
        var handedOut = (await DrainRequestsAsync(participant, type, node)).Select(r => r.MessageId).Intersect(messageIds).ToList();
        Assert.True(handedOut.Count == 0, $"{participant} was handed out {string.Join(", ", handedOut)}.");
    }

    /// <summary>
    /// Takes every event waiting in the participant's status stream (each is handed out once); events about earlier
    /// tests' messages come too: a test keeps those of its own messages.
    /// </summary>
    public async Task<List<ProcessingStatus>> TakeStatusEventsAsync(string participant)
    {
        var client = Client(participant);
        var events = new List<ProcessingStatus>();
        while (await client.GetStatusAsync(TestContext.Current.CancellationToken) is { } next)
        {
            events.Add(next);
        }
        return events;
    }

    /// <summary>
    /// Takes and acknowledges every request reaching the participant until all of <paramref name="expected"/> have come;
    /// returns every message taken, so a test can also see what came twice or uninvited.
    /// </summary>
    public async Task<List<Guid>> ReceiveAllAsync(string participant, IReadOnlyCollection<Guid> expected)
    {
        var received = new List<Guid>();
        var client = Client(participant);
        await WaitUntilAsync(async () =>
        {
            while (await client.GetRequestAsync(cancellationToken: TestContext.Current.CancellationToken) is { } message)
            {
                received.Add(message.MessageId);
                await client.AckAsync(message.MessageId, cancellationToken: TestContext.Current.CancellationToken);
            }
            return expected.All(received.Contains);
        }, () => Task.FromResult($"{participant} got {expected.Count(received.Contains)} of the {expected.Count} expected ({received.Count} in all)."));
        return received;
    }

    /// <summary>
    /// Waits for the response to one particular request; responses that earlier tests of the class left in the
    /// participant's queue are acknowledged on the way, so they cannot stand in for it.
    /// </summary>
    public async Task<ReceivedResponse> ReceiveResponseAsync(string participant, Guid requestId, bool mtom = false)
    {
        while (true)
        {
            var received = await NextResponseAsync(participant, mtom);
            if (received.OriginalMessageId == requestId)
            {
                return received;
            }
            await Client(participant).AckAsync(received.MessageId, cancellationToken: TestContext.Current.CancellationToken);
        }
    }

    private async Task<ReceivedResponse> NextResponseAsync(string participant, bool mtom)
    {
        var client = Client(participant, mtom);
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.GetResponseAsync(cancellationToken: TestContext.Current.CancellationToken) is { } received)
            {
                return received;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No response reached {participant} within {Patience.TotalSeconds} s.");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails after <see cref="Patience"/>, with what <paramref name="explain"/> finds then.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The awaited condition did not hold within {Patience.TotalSeconds} s." + (explain is null ? "" : " " + await explain()));
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A scalar of the fixture's database; <paramref name="values"/> are the positional parameters $1, $2, ...</summary>
    public async Task<long> CountAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
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

        var directory = new DirectoryDocument
        {
            Participants = [.. registered.Select(name => new DirectoryDocument.ParticipantEntry
            {
                Mnemonic = name,
                Name = $"Participant {name}",
                Level = name == "PORTAL" ? ParticipantLevel.Portal : ParticipantLevel.RegionalBody,
                Systems = [new() { Mnemonic = SystemOf(name), Name = $"System of {name}", Certificates = [new() { File = $"{name}.cer" }] }],
            })],
            Types =
            [
                .. new[] { Appeal, CitizenAppeal }.Select(t => new DirectoryDocument.TypeEntry
                {
                    NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Name = t.RootElement, Kind = MessageTypeKind.Request,
                    AnswerDays = 30, AnswerDayKind = DayKind.Calendar,
                }),
                .. new[] { Notice, OfficialLetter }.Select(t => new DirectoryDocument.TypeEntry
                {
                    NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Name = t.RootElement, Kind = MessageTypeKind.Request,
                }),
                .. new[] { AppealAnswer, CitizenAppealAnswer, NoticeReceipt, OfficialLetterReceipt }.Select(t => new DirectoryDocument.TypeEntry
                {
                    NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Name = t.RootElement, Kind = MessageTypeKind.Response,
                }),
            ],
            Providers = [.. new[] { Appeal, CitizenAppeal }.Select(t => new DirectoryDocument.ProviderEntry
            {
                NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Provider = "HEALTH",
            })],
            Permissions =
            [
                .. new[] { Appeal, CitizenAppeal }.Select(t => new DirectoryDocument.PermissionEntry
                {
                    NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Recipients = PermittedRecipients.Provider,
                }),
                .. new[] { Notice, OfficialLetter }.Select(t => new DirectoryDocument.PermissionEntry
                {
                    NamespaceUri = t.NamespaceUri, RootElement = t.RootElement, Recipients = PermittedRecipients.Any,
                }),
            ],
        };
        var path = Path.Combine(_workDirectory, "directory.json");
        File.WriteAllText(path, JsonSerializer.Serialize(directory, DirectoryNames.Json));
        return path;
    }

    /// <summary>The mnemonic of the participant's one information system in the test directory.</summary>
    public static string SystemOf(string participant) => $"{participant}_SYSTEM";

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

/// <summary>
/// The test gateway on the real clock, for tests that take its database away: the scheduler waits on the gateway's clock
/// before retrying a database that failed it, and on a clock that never moves it would never retry, nor stop.
/// </summary>
public sealed class RealClockGatewayFixture() : GatewayFixture(TestServers.Default, TimeProvider.System);
