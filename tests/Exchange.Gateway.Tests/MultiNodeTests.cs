namespace Exchange.Gateway.Tests;

/// <summary>Two gateway nodes share the database and the broker, as the region's nodes do.</summary>
public sealed class MultiNodeTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task messages_sent_through_a_node_that_then_stops_are_all_delivered_once_through_another()
    {
        var first = await gateway.StartNodeAsync("node-a");
        var sent = await GatewayFixture.SendAppealsAsync(gateway.ClientOf(first, "PORTAL"), 20, "message");
        // node-a stops at once: whatever it had not relayed yet stays in the outbox for the other node.
        await first.StopAsync(Token);
        await first.DisposeAsync();

        var received = await gateway.ReceiveAllAsync("HEALTH", sent);

        Assert.Equal(sent.Order(), received.Where(sent.Contains).Order());
        await gateway.AssertNoneHandedOutAsync("HEALTH", sent);
    }

    [Fact]
    public async Task messages_accepted_by_a_node_killed_at_once_are_all_delivered_once_through_another()
    {
        await using var doomed = await GatewayProcess.StartAsync(gateway.NodeSettings("doomed-node"), Token);
        // The node in a process of its own runs on the real clock, and so does its client.
        var portal = new Adapters.Sdk.ExchangeClient(gateway.CheckedHttp, doomed.SoapEndpoint, gateway.Pki.Key("PORTAL"), gateway.Pki.Validator());
        var sent = await GatewayFixture.SendAppealsAsync(portal, 20, "before the crash");

        // SIGKILL right after the last acceptance: some messages are still in its outbox, some in flight to the broker.
        await doomed.KillAsync();
        // The killed node wrote with the real clock: the surviving node's test clock must not be behind it, or those rows
        // would not be due yet.
        var real = TimeProvider.System.GetUtcNow();
        if (gateway.Clock.GetUtcNow() < real)
        {
            gateway.Clock.SetUtcNow(real.AddSeconds(1));
        }

        var received = await gateway.ReceiveAllAsync("HEALTH", sent);

        Assert.Equal(sent.Order(), received.Where(sent.Contains).Order());
        await gateway.AssertNoneHandedOutAsync("HEALTH", sent);
    }

    [Fact]
    public async Task a_message_taken_on_one_node_is_acknowledged_on_another()
    {
        var second = await gateway.StartNodeAsync("node-b");
        try
        {
            var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("get here, ack there"), cancellationToken: Token);
            var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);

            await gateway.ClientOf(second, "HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

            Assert.Equal(sent.MessageId, received.MessageId);
            await gateway.AssertNoneHandedOutAsync("HEALTH", [sent.MessageId], node: second);
            Assert.Equal("acknowledged", (await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token)).Status);
        }
        finally
        {
            await second.StopAsync(Token);
            await second.DisposeAsync();
        }
    }
}
