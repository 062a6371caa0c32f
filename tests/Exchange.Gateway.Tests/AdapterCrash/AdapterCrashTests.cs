using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Exchange.Tests.Shared;
using Npgsql;

namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>
/// The reference EDMS (<c>exchange-edms</c>, a real process on a database of its own) killed with SIGKILL at the two
/// points where a crash could lose or double a message: after it committed what it received and before the gateway
/// heard its Ack, and after the gateway accepted what it sent and before it heard the answer. A proxy between it and
/// the gateway kills it there; it is then started again on the same database.
/// </summary>
public sealed class AdapterCrashTests(AdapterCrashFixture crash) : IClassFixture<AdapterCrashFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly List<EdmsProcess> _started = [];
    private TestDatabase? _database;
    private CrashingProxy? _proxy;

    private CrashingProxy Proxy => _proxy!;

    [Fact]
    public async Task an_edms_killed_after_registering_and_before_its_ack_registers_the_message_again_once()
    {
        var first = await StartEdmsAsync();
        Proxy.CrashBefore("Ack", first.KillAsync);

        var appeal = await crash.Gateway.Client("PORTAL")
            .SendRequestAsync(BusinessDocuments.CitizenAppeal("Прошу отремонтировать поликлинику."), cancellationToken: Ct);
        await WaitUntilAsync(() => Task.FromResult(Proxy.Fired && first.HasExited), "The EDMS was not killed at its Ack.");

        // Committed by the EDMS, never acknowledged at the gateway.
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT count(*) FROM documents WHERE message_id = $1", appeal.MessageId));
        Assert.Equal(0, await AcknowledgedAsync("HEALTH", appeal.MessageId));

        await StartEdmsAsync();
        crash.Clock.Advance(AdapterCrashFixture.LeaseDuration + TimeSpan.FromSeconds(1));
        await WaitUntilAsync(async () => await AcknowledgedAsync("HEALTH", appeal.MessageId) == 1,
            $"Request {appeal.MessageId} was not acknowledged after the restart.");

        Assert.Equal(2, await crash.Gateway.CountAsync(
            "SELECT delivery_count FROM inbox WHERE recipient = 'HEALTH' AND message_id = $1", appeal.MessageId));
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT count(*) FROM documents WHERE message_id = $1", appeal.MessageId));
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT number FROM documents WHERE message_id = $1", appeal.MessageId));
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT last_number FROM journals WHERE code = '02-01'"));
    }

    [Fact]
    public async Task an_edms_killed_after_the_gateway_accepted_its_answer_and_before_hearing_it_sends_the_answer_once()
    {
        var first = await StartEdmsAsync();
        var appeal = await crash.Gateway.Client("PORTAL")
            .SendRequestAsync(BusinessDocuments.CitizenAppeal("Прошу установить остановку."), cancellationToken: Ct);
        await WaitUntilAsync(async () => await AcknowledgedAsync("HEALTH", appeal.MessageId) == 1,
            $"Request {appeal.MessageId} was not registered and acknowledged.");
        Proxy.CrashAfterAnswer("SendResponse", first.KillAsync);

        var number = await EdmsScalarAsync<long>("SELECT number FROM documents WHERE message_id = $1", appeal.MessageId);
        // The outbox sends as soon as the answer's registration commits, so the kill may cut off the API's own answer.
        var answering = first.Http.PostAsJsonAsync($"/api/appeals/02-01/{number}/answer",
            new { outcome = "supported", text = "Остановка будет установлена.", answeredBy = new { surname = "Соколов", givenName = "Андрей", position = "Председатель" } },
            Ct);
        await WaitUntilAsync(() => Task.FromResult(Proxy.Fired && first.HasExited), "The EDMS was not killed after its SendResponse.");
        await AssertCreatedOrCutOffAsync(answering);
        var answerId = await EdmsScalarAsync<Guid>("SELECT message_id FROM documents WHERE journal = '01-16' AND number = 1");

        // Accepted by the gateway; the EDMS never heard it.
        Assert.Equal(1, await crash.Gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1", answerId));
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT count(*) FROM exchange_outbox WHERE message_id = $1 AND state = 'pending'", answerId));

        await StartEdmsAsync();
        await WaitUntilAsync(async () => await EdmsScalarAsync<long>("SELECT count(*) FROM exchange_outbox WHERE message_id = $1 AND state = 'sent'", answerId) == 1,
            $"The answer {answerId} was not marked sent after the restart.");

        var sends = Proxy.Forwarded.Where(call => call.Operation == "SendResponse").ToList();
        Assert.Equal(2, sends.Count);
        // The resend is answered with the first acceptance (same content, same MessageID): nothing new is stored.
        Assert.Equal(Acceptance(sends[0]), Acceptance(sends[1]));
        Assert.Equal(answerId, Acceptance(sends[1]).MessageId);
        var received = await crash.Gateway.ReceiveResponseAsync("PORTAL", appeal.MessageId);
        await crash.Gateway.Client("PORTAL").AckAsync(received.MessageId, cancellationToken: Ct);
        Assert.Equal(answerId, received.MessageId);
        Assert.Equal(1, await crash.Gateway.CountAsync("SELECT count(*) FROM messages WHERE original_message_id = $1", appeal.MessageId));
        Assert.Equal(1, await EdmsScalarAsync<long>("SELECT last_number FROM journals WHERE code = '01-16'"));
        Assert.Equal(1, await crash.Gateway.CountAsync(
            "SELECT delivery_count FROM inbox WHERE recipient = 'PORTAL' AND message_id = $1", answerId));
    }

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("edms");
        _proxy = await CrashingProxy.StartAsync(crash.SoapEndpoint, Ct);
    }

    /// <summary>Starts the EDMS (again) on the test's database, as HEALTH, talking to the gateway through the proxy.</summary>
    private async Task<EdmsProcess> StartEdmsAsync()
    {
        var edms = await EdmsProcess.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Edms"] = _database!.ConnectionString,
            ["Edms:OrganisationName"] = "Health Committee of Leningrad oblast",
            ["Edms:ApiKey"] = EdmsProcess.ApiKey,
            ["Exchange:Client:Endpoint"] = Proxy.Endpoint.ToString(),
            ["Exchange:Client:KeyFile"] = crash.KeyFile("HEALTH"),
            ["Exchange:Client:KeyPassword"] = AdapterCrashFixture.KeyPassword,
            ["Exchange:Client:GatewayTrustedCertificates:0"] = crash.CaFile,
            ["Exchange:Outbox:Provider"] = "PostgreSql",
            ["Exchange:Outbox:PollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        }, Ct);
        _started.Add(edms);
        return edms;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, string failure) =>
        await crash.Gateway.WaitUntilAsync(condition, () => Task.FromResult($"{failure}\n{Outputs()}"));

    /// <summary>What every EDMS process of the test wrote, for a failure message.</summary>
    private string Outputs() => string.Join("\n", _started.Select((edms, i) => $"--- EDMS process {i + 1}:\n{edms.Output}"));

    private Task<long> AcknowledgedAsync(string recipient, Guid messageId) => crash.Gateway.CountAsync(
        "SELECT count(*) FROM inbox WHERE recipient = $1 AND message_id = $2 AND acknowledged_at IS NOT NULL", recipient, messageId);

    private async Task<T> EdmsScalarAsync<T>(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        var scalar = await command.ExecuteScalarAsync(Ct);
        return scalar is T typed ? typed : (T)Convert.ChangeType(scalar!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The API call that made the EDMS send was answered 201, or cut off by the kill (the database then shows what it
    /// committed).
    /// </summary>
    private static async Task AssertCreatedOrCutOffAsync(Task<HttpResponseMessage> call)
    {
        try
        {
            using var response = await call;
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        }
        catch (HttpRequestException)
        {
            // The process died before its answer was written: expected when the outbox was quicker than the API.
        }
    }

    /// <summary>The MessageID and acceptance time of a SendRequest/SendResponse answer the proxy forwarded.</summary>
    private static (Guid MessageId, DateTimeOffset SendingTimestamp) Acceptance(ForwardedCall call)
    {
        var answer = new XmlDocument();
        answer.LoadXml(call.Answer);
        var metadata = MessageMetadata.Parse((XmlElement)answer.GetElementsByTagName("MessageMetadata", SmevNamespaces.Types).Item(0)!);
        return (metadata.MessageId, metadata.SendingTimestamp);
    }

    public async ValueTask DisposeAsync()
    {
        // Shown with a failed test, whichever assertion failed.
        TestContext.Current.TestOutputHelper?.WriteLine(Outputs());
        foreach (var edms in _started)
        {
            await edms.DisposeAsync();
        }
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
