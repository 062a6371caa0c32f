using Exchange.Adapters.Sdk;

namespace Exchange.Gateway.Tests.AdapterHost;

/// <summary>
/// The SDK's adapter host against a real gateway: HEALTH's adapter takes what PORTAL sends, PORTAL's adapter takes the
/// answers and the status stream. A gateway of the class's own, so no other class's messages wait in these queues;
/// the handlers record whatever comes, and each test looks for its own messages among them.
/// </summary>
public sealed class AdapterHostTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The gateway's <c>Exchange:Delivery:LeaseDuration</c>, which the fixture leaves at its default.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);

    private async Task<Guid> SendAppealAsync(string text) =>
        (await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(text), cancellationToken: Token)).MessageId;

    private async Task<string> StatusAsync(Guid messageId) =>
        (await gateway.Client("PORTAL").GetMessageStatusAsync(messageId, Token)).Status;

    private Task WaitForStatusAsync(Guid messageId, string status) =>
        gateway.WaitUntilAsync(async () => await StatusAsync(messageId) == status,
            async () => $"Message {messageId} is {await StatusAsync(messageId)}, not {status}.");

    [Fact]
    public async Task a_request_is_handed_to_the_handler_and_acknowledged_only_after_the_handler_returned()
    {
        var statusWhileHandled = new Dictionary<Guid, string>();
        var recorder = new AdapterRecorder
        {
            OnRequest = async (request, _) => statusWhileHandled[request.MessageId] = await StatusAsync(request.MessageId),
        };
        await using var adapter = await TestAdapterHost.StartAsync(gateway, "HEALTH", recorder);

        var sent = await SendAppealAsync("The pharmacy in Priozersk has no insulin");

        await WaitForStatusAsync(sent, "acknowledged");
        var handled = Assert.Single(recorder.Requests, r => r.MessageId == sent);
        Assert.Equal("The pharmacy in Priozersk has no insulin", handled.BusinessContent.InnerText);
        Assert.True(handled.Authorship.IsProven);
        Assert.Equal("delivered", statusWhileHandled[sent]);
    }

    [Fact]
    public async Task a_request_whose_handler_throws_is_not_acknowledged_and_is_handled_again_after_its_lease()
    {
        var sent = Guid.Empty;
        var failed = 0;
        var recorder = new AdapterRecorder
        {
            OnRequest = (request, _) => request.MessageId == sent && Interlocked.Exchange(ref failed, 1) == 0
                ? throw new InvalidOperationException("The EDMS's database is down")
                : Task.CompletedTask,
        };
        await using var adapter = await TestAdapterHost.StartAsync(gateway, "HEALTH", recorder);

        sent = await SendAppealAsync("Handled on the second try");
        await gateway.WaitUntilAsync(() => Task.FromResult(recorder.RequestsOf(sent) == 1));
        Assert.Equal("delivered", await StatusAsync(sent));

        gateway.Clock.Advance(Lease + TimeSpan.FromMinutes(1));

        await WaitForStatusAsync(sent, "acknowledged");
        Assert.Equal(2, recorder.RequestsOf(sent));
    }

    [Fact]
    public async Task a_response_is_handed_to_the_response_handler_with_the_request_it_answers()
    {
        var recorder = new AdapterRecorder();
        await using var adapter = await TestAdapterHost.StartAsync(gateway, "PORTAL", recorder, options => options.ReceiveRequests = false);
        var sent = await SendAppealAsync("Is the clinic open on Sunday?");
        var received = await gateway.ReceiveAsync("HEALTH", sent);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        var answer = await gateway.Client("HEALTH").SendResponseAsync(received.ReplyTo!,
            BusinessDocuments.Appeal("Closed on Sundays", root: "AppealAnswer"), cancellationToken: Token);

        await gateway.WaitUntilAsync(async () => await StatusAsync(answer.MessageId) == "acknowledged");
        var response = Assert.Single(recorder.Responses, r => r.MessageId == answer.MessageId);
        Assert.Equal(sent, response.OriginalMessageId);
        Assert.Equal("Closed on Sundays", response.BusinessContent!.InnerText);
    }

    [Fact]
    public async Task the_status_stream_reaches_the_status_handler_event_by_event()
    {
        var recorder = new AdapterRecorder();
        await using var adapter = await TestAdapterHost.StartAsync(gateway, "PORTAL", recorder, options =>
        {
            options.ReceiveRequests = false;
            options.ReceiveResponses = false;
        });

        var sent = await SendAppealAsync("Follow me through the status stream");
        var received = await gateway.ReceiveAsync("HEALTH", sent);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        List<string> Own() => [.. recorder.Statuses.Where(s => s.OriginalMessageId == sent).Select(s => s.StatusCategory)];
        await gateway.WaitUntilAsync(() => Task.FromResult(Own().Count == 2), () => Task.FromResult($"Statuses seen: {string.Join(", ", Own())}."));
        Assert.Equal(["requestIsQueued", "messageIsDelivered"], Own());
    }

    [Fact]
    public async Task a_handler_stopped_by_the_host_leaves_its_message_unacknowledged()
    {
        var sent = Guid.Empty;
        var recorder = new AdapterRecorder
        {
            OnRequest = (request, cancellationToken) => request.MessageId == sent
                ? Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken)
                : Task.CompletedTask,
        };
        var adapter = await TestAdapterHost.StartAsync(gateway, "HEALTH", recorder);
        sent = await SendAppealAsync("Still being registered when the adapter stops");
        await gateway.WaitUntilAsync(() => Task.FromResult(recorder.RequestsOf(sent) == 1));

        await adapter.StopAsync();
        await adapter.DisposeAsync();

        Assert.Equal("delivered", await StatusAsync(sent));
        gateway.Clock.Advance(Lease + TimeSpan.FromMinutes(1));
        var again = await gateway.ReceiveAsync("HEALTH", sent);
        await gateway.Client("HEALTH").AckAsync(again.MessageId, cancellationToken: Token);
    }
}
