namespace Exchange.Gateway.Tests;

/// <summary>Two gateway nodes share the database and the broker, as the region's nodes do.</summary>
public sealed class MultiNodeTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task messages_sent_through_a_node_that_then_stops_are_all_delivered_once_through_another()
    {
        var first = await gateway.StartNodeAsync("node-a");
        var sent = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            sent.Add((await gateway.ClientOf(first, "PORTAL").SendRequestAsync(BusinessDocuments.Appeal($"message {i}"), cancellationToken: Token)).MessageId);
        }
        // node-a stops at once: whatever it had not relayed yet stays in the outbox for the other node.
        await first.StopAsync(Token);
        await first.DisposeAsync();

        var received = new List<Guid>();
        var health = gateway.Client("HEALTH");
        await gateway.WaitUntilAsync(async () =>
        {
            while (await health.GetRequestAsync(cancellationToken: Token) is { } message)
            {
                received.Add(message.MessageId);
                await health.AckAsync(message.MessageId, cancellationToken: Token);
            }
            return received.Count >= sent.Count;
        });

        Assert.Equal(sent.Order(), received.Order());
        Assert.Null(await health.GetRequestAsync(cancellationToken: Token));
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
            Assert.Null(await gateway.ClientOf(second, "HEALTH").GetRequestAsync(cancellationToken: Token));
            Assert.Equal("acknowledged", (await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token)).Status);
        }
        finally
        {
            await second.StopAsync(Token);
            await second.DisposeAsync();
        }
    }
}
