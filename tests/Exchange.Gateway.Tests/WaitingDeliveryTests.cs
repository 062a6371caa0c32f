using System.Net;
using System.Text;
using System.Xml;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Soap;
using Exchange.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Exchange.Gateway.Tests.RawEnvelopes;

namespace Exchange.Gateway.Tests;

/// <summary>
/// GetRequest and GetResponse asked to wait (HTTP <c>Prefer: wait=N</c>). The fixture's clock stands still, so a wait
/// ends only when a message wakes it or a test moves the clock.
/// </summary>
public sealed class WaitingDeliveryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_waiting_get_request_returns_the_request_sent_while_it_waited()
    {
        await gateway.DrainRequestsAsync("HEALTH");
        var waiting = gateway.Client("HEALTH").WaitForRequestAsync(Wait, cancellationToken: Token);
        await WaitersAsync(gateway.Services, "HEALTH", 1);

        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("wake me"), cancellationToken: Token);

        var received = await waiting;
        Assert.Equal(sent.MessageId, received?.MessageId);
        await gateway.Client("HEALTH").AckAsync(sent.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_request_sent_through_one_node_wakes_a_call_waiting_on_another()
    {
        var second = await gateway.StartNodeAsync("node-waiting");
        try
        {
            await gateway.DrainRequestsAsync("HEALTH");
            var waiting = gateway.ClientOf(second, "HEALTH").WaitForRequestAsync(Wait, cancellationToken: Token);
            await WaitersAsync(second.Services, "HEALTH", 1);

            var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("across nodes"), cancellationToken: Token);

            var received = await waiting;
            Assert.Equal(sent.MessageId, received?.MessageId);
            await gateway.Client("HEALTH").AckAsync(sent.MessageId, cancellationToken: Token);
        }
        finally
        {
            await second.StopAsync(Token);
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_waiting_get_response_returns_the_answer_sent_while_it_waited()
    {
        var request = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("answer me later"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", request.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        while (await gateway.Client("PORTAL").GetResponseAsync(cancellationToken: Token) is { } leftover)
        {
            await gateway.Client("PORTAL").AckAsync(leftover.MessageId, cancellationToken: Token);
        }
        var waiting = gateway.Client("PORTAL").WaitForResponseAsync(Wait, cancellationToken: Token);
        await WaitersAsync(gateway.Services, "PORTAL", 1);

        var answer = await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!,
            BusinessDocuments.Appeal("here it is", root: "AppealAnswer"), cancellationToken: Token);

        var response = await waiting;
        Assert.Equal(answer.MessageId, response?.MessageId);
        Assert.Equal(request.MessageId, response?.OriginalMessageId);
        await gateway.Client("PORTAL").AckAsync(answer.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_wait_that_ends_with_nothing_is_answered_empty()
    {
        await gateway.DrainRequestsAsync("HEALTH");

        var received = await EndedByTheClockAsync(gateway.Client("HEALTH").WaitForRequestAsync(Wait, cancellationToken: Token));

        Assert.Null(received);
    }

    [Fact]
    public async Task without_prefer_an_empty_queue_is_answered_at_once_and_no_preference_is_said_applied()
    {
        await new Directory.DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("WAIT_NOT_ASKED", "regional_body");

        var (status, applied, answer) = await GetRequestAsync("WAIT_NOT_ASKED", prefer: null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(applied);
        Assert.Equal("GetRequestResponse", answer.LocalName);
        Assert.Empty(answer.ChildNodes);
    }

    [Fact]
    public async Task a_wait_longer_than_the_gateways_bound_is_cut_to_it_and_answered_empty_when_it_ends()
    {
        await new Directory.DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("WAIT_LONG", "regional_body");

        var (status, applied, answer) = await EndedByTheClockAsync(GetRequestAsync("WAIT_LONG", "respond-async, wait=3600; unknown=\"a,b\""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"wait={(int)new DeliveryOptions().MaxWait.TotalSeconds}", applied);
        Assert.Equal("GetRequestResponse", answer.LocalName);
        Assert.Empty(answer.ChildNodes);
    }

    [Fact]
    public async Task a_node_with_no_room_for_another_waiting_call_answers_at_once()
    {
        await new Directory.DirectoryAdmin(gateway, gateway.Admin()).AddParticipantAsync("WAIT_NO_ROOM", "regional_body");
        var full = await gateway.StartNodeAsync("node-full", new Dictionary<string, string?> { ["Exchange:Delivery:MaxWaitingCalls"] = "0" });
        try
        {
            var (status, applied, answer) = await GetRequestAsync("WAIT_NO_ROOM", "wait=20", full);

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Null(applied);
            Assert.Empty(answer.ChildNodes);
        }
        finally
        {
            await full.StopAsync(Token);
            await full.DisposeAsync();
        }
    }

    [Fact]
    public async Task a_waiting_call_whose_client_gives_up_leases_nothing()
    {
        await gateway.DrainRequestsAsync("HEALTH");
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var waiting = gateway.Client("HEALTH").WaitForRequestAsync(Wait, cancellationToken: giveUp.Token);
        await WaitersAsync(gateway.Services, "HEALTH", 1);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await WaitersAsync(gateway.Services, "HEALTH", 0);
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("after the give-up"), cancellationToken: Token);

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        Assert.Equal(1, await gateway.CountAsync("SELECT delivery_count FROM inbox WHERE message_id = $1", sent.MessageId));
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
    }

    /// <summary>Waits until as many calls as <paramref name="count"/> wait on the node for the recipient's messages.</summary>
    private Task WaitersAsync(IServiceProvider node, string recipient, int count)
    {
        var waiters = node.GetRequiredService<DeliveryWaiters>();
        return gateway.WaitUntilAsync(() => Task.FromResult(waiters.WaitingFor(recipient) == count),
            () => Task.FromResult($"{waiters.WaitingFor(recipient)} calls wait for {recipient}, not {count}."));
    }

    /// <summary>Moves the gateway's clock on until the waiting call has answered.</summary>
    private async Task<T> EndedByTheClockAsync<T>(Task<T> call)
    {
        await gateway.WaitUntilAsync(() =>
        {
            if (!call.IsCompleted)
            {
                gateway.Clock.Advance(TimeSpan.FromSeconds(5));
            }
            return Task.FromResult(call.IsCompleted);
        });
        return await call;
    }

    /// <summary>A hand-written GetRequest of the participant, with <c>Prefer</c> when given; the answer's <c>Preference-Applied</c>.</summary>
    private async Task<(HttpStatusCode Status, string? Applied, XmlElement Answer)> GetRequestAsync(string participant, string? prefer,
        WebApplication? node = null)
    {
        var body = GetMessage(gateway.Pki.Key(GatewayFixture.SystemOf(participant)), gateway.ClientTime.GetUtcNow());
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        var endpoint = node is null ? gateway.SoapEndpoint : new Uri(new Uri(node.Urls.First()), SoapEndpoint.Path);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = content };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation(PreferHeader.Name, prefer);
        }
        using var response = await gateway.Http.SendAsync(request, Token);
        var document = new XmlDocument();
        document.LoadXml(await response.Content.ReadAsStringAsync(Token));
        var soapBody = (XmlElement)document.DocumentElement!.GetElementsByTagName("Body", SmevNamespaces.Soap11)[0]!;
        var applied = response.Headers.TryGetValues(PreferHeader.AppliedName, out var values) ? string.Join(",", values) : null;
        return (response.StatusCode, applied, (XmlElement)soapBody.FirstChild!);
    }
}
