using System.Net;
using System.Text;
using System.Xml;
using Exchange.Gateway.Tests.Attachments;
using Exchange.Protocol;
using Exchange.Protocol.Faults;
using static Exchange.Gateway.Tests.RawEnvelopes;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Calls whose signed data has no MessageID (GetRequest, GetResponse, GetStatus), captured and posted again unchanged,
/// as anyone on the path could: they are answered once, and only while their signed Timestamp is fresh.
/// </summary>
public sealed class ReplayTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A signed GetRequest, GetResponse (selecting any type) or GetStatus, as a caller makes it.</summary>
    private string Call(string operation, string participant, DateTimeOffset timestamp)
    {
        var time = XmlConvert.ToString(timestamp);
        var signed = operation == "GetStatus"
            ? $"""<b:Timestamp Id="SIGNED_BY_CALLER">{time}</b:Timestamp>"""
            : $"""<b:MessageTypeSelector Id="SIGNED_BY_CALLER"><b:Timestamp>{time}</b:Timestamp></b:MessageTypeSelector>""";
        return SignedAsCaller(Envelope($"""
            <ns:{operation}Request xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}">
              {signed}
              <ns:CallerInformationSystemSignature/>
            </ns:{operation}Request>
            """), gateway.Pki.Key(participant));
    }

    private Task<RawAnswer> PostAsync(string envelope, string operation, Uri? endpoint = null) =>
        RawAnswer.PostAsync(gateway.Http, endpoint ?? gateway.SoapEndpoint, Encoding.UTF8.GetBytes(envelope), "text/xml; charset=utf-8", operation, Token);

    private async Task<List<Guid>> SendWaitingAsync(int count, string label)
    {
        var sent = await GatewayFixture.SendAppealsAsync(gateway.Client("PORTAL"), count, label);
        await gateway.WaitUntilAsync(async () =>
            await gateway.CountAsync($"SELECT count(*) FROM inbox WHERE message_id IN ({string.Join(',', sent.Select(id => $"'{id}'"))})") == count);
        return sent;
    }

    private static Guid HandedOut(RawAnswer answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return Guid.Parse(answer.Answer.GetElementsByTagName("MessageID", SmevNamespaces.Types)[0]!.InnerText);
    }

    [Fact]
    public async Task a_get_request_posted_again_unchanged_is_refused_and_hands_out_nothing_more()
    {
        var sent = await SendWaitingAsync(2, "replayed queue");
        var call = Call("GetRequest", "HEALTH", gateway.ClientTime.GetUtcNow());

        var first = HandedOut(await PostAsync(call, "GetRequest"));
        var again = await PostAsync(call, "GetRequest");
        var thrice = await PostAsync(call, "GetRequest");

        Assert.Equal(("InvalidContent", FaultCodes.ReplayedCall), again.Fault);
        Assert.Equal(("InvalidContent", FaultCodes.ReplayedCall), thrice.Fault);
        var health = gateway.Client("HEALTH");
        await health.AckAsync(first, cancellationToken: Token);
        // Nothing was leased by the replays: fresh calls of the owner get every other message at once (the first call
        // may have handed out one that an earlier test left).
        foreach (var waiting in sent.Where(id => id != first))
        {
            await health.AckAsync((await gateway.ReceiveAsync("HEALTH", waiting)).MessageId, cancellationToken: Token);
        }
    }

    [Fact]
    public async Task a_replayed_get_status_is_refused_before_it_takes_an_event()
    {
        var sent = await SendWaitingAsync(1, "status stream");
        var call = Call("GetStatus", "PORTAL", gateway.ClientTime.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(call, "GetStatus")).Status);
        Assert.Equal(("InvalidContent", FaultCodes.ReplayedCall), (await PostAsync(call, "GetStatus")).Fault);
        await gateway.Client("HEALTH").AckAsync((await gateway.ReceiveAsync("HEALTH", sent[0])).MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task the_same_signed_call_is_answered_once_across_nodes()
    {
        await using var other = await gateway.StartNodeAsync("replay-node-b");
        var call = Call("GetResponse", "PORTAL", gateway.ClientTime.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(call, "GetResponse")).Status);
        var atOtherNode = await PostAsync(call, "GetResponse", new Uri(new Uri(other.Urls.First()), Soap.SoapEndpoint.Path));

        Assert.Equal(("InvalidContent", FaultCodes.ReplayedCall), atOtherNode.Fault);
        await other.StopAsync(Token);
    }

    [Fact]
    public async Task the_same_selector_and_timestamp_signed_by_another_system_is_another_call()
    {
        var timestamp = gateway.ClientTime.GetUtcNow();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Call("GetResponse", "PORTAL", timestamp), "GetResponse")).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Call("GetResponse", "HEALTH", timestamp), "GetResponse")).Status);
    }

    public static TheoryData<string, double> StaleCalls => new()
    {
        { "GetRequest", -2 * 24 * 60 },
        { "GetRequest", 365 * 24 * 60 },
        { "GetResponse", -(Window.TotalMinutes + 1) },
        { "GetResponse", 365 * 24 * 60 },
        { "GetStatus", -365 * 24 * 60 },
        { "GetStatus", Window.TotalMinutes + 1 },
    };

    [Theory]
    [MemberData(nameof(StaleCalls))]
    public async Task a_call_whose_signed_timestamp_is_outside_the_window_is_refused(string operation, double minutesFromNow)
    {
        var answer = await PostAsync(Call(operation, "HEALTH", gateway.ClientTime.GetUtcNow().AddMinutes(minutesFromNow)), operation);

        Assert.Equal(("InvalidContent", FaultCodes.StaleTimestamp), answer.Fault);
    }

    [Theory]
    [InlineData("GetRequest", -4)]
    [InlineData("GetStatus", 4)]
    public async Task a_call_whose_clock_is_a_few_minutes_off_is_answered(string operation, double minutesFromNow)
    {
        var answer = await PostAsync(Call(operation, "RSA_BODY", gateway.ClientTime.GetUtcNow().AddMinutes(minutesFromNow)), operation);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task an_sdk_client_polling_twice_in_one_tick_of_its_clock_is_answered_both_times()
    {
        var standing = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(gateway.Clock.GetUtcNow());
        var client = new Adapters.Sdk.ExchangeClient(gateway.CheckedHttp, gateway.SoapEndpoint, gateway.Pki.Key("RSA_BODY"),
            gateway.Pki.Validator(), time: standing);

        Assert.Null(await Record.ExceptionAsync(() => client.GetStatusAsync(Token)));
        Assert.Null(await Record.ExceptionAsync(() => client.GetStatusAsync(Token)));
    }

    [Fact]
    public async Task the_cluster_forgets_answered_calls_on_a_schedule()
    {
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM qrtz_triggers WHERE sched_name = 'exchange-gateway' AND trigger_name = 'replay-cache-purge'"));
    }
}
