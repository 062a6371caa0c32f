using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Broker.Tests;

/// <summary>
/// The broker ends a consumer, or drops the whole connection: the queue is consumed again without a restart, by one
/// consumer, and what is published afterwards is handed over.
/// </summary>
public sealed class ConsumerRecoveryTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OutgoingMessage Message(string recipient, string text) => new(recipient, Guid.NewGuid().ToString(), "exchange.test.text", Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_consumer_cancelled_because_its_queue_was_deleted_subscribes_again_and_takes_what_comes_next()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler();
        await using var consumer = fixture.NewConsumer(connection, handler);
        await BrokerFixture.ConsumeAsync(consumer, "DELETED");
        await BrokerFixture.ConsumeAsync(consumer, "BYSTANDER");
        var queue = DeliveryTopology.RecipientQueue("DELETED");

        // The broker answers the deletion with basic.cancel to the queue's consumer.
        await BrokerFixture.ManageAsync(HttpMethod.Delete, $"api/queues/{fixture.VirtualHost.Name}/{Uri.EscapeDataString(queue)}");
        await BrokerFixture.WaitUntilAsync(() => Task.FromResult(!consumer.IsConsuming("DELETED")), "the consumer of DELETED to be reported gone");
        Assert.True(consumer.IsConsuming("BYSTANDER"));
        await BrokerFixture.WaitUntilAsync(() => Task.FromResult(consumer.IsConsuming("DELETED")), "DELETED to be consumed again");

        // The queue is declared anew by the consumer, so this is routed and confirmed.
        await publisher.PublishAsync([Message("DELETED", "after the deletion"), Message("BYSTANDER", "meanwhile")], Token);
        string[] handled = [await handler.NextAsync(Patience), await handler.NextAsync(Patience)];
        Assert.Equal(["after the deletion", "meanwhile"], handled.Order());
        Assert.Equal(1u, await BrokerFixture.ConsumerCountAsync(connection, queue));
    }

    [Fact]
    public async Task after_the_broker_drops_the_connection_the_clients_recovery_brings_the_consumer_back_once()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler();
        await using var consumer = fixture.NewConsumer(connection, handler);
        await BrokerFixture.ConsumeAsync(consumer, "RECOVERED");
        var queue = DeliveryTopology.RecipientQueue("RECOVERED");

        await BrokerFixture.WaitUntilAsync(async () => await CloseConnectionsAsync() > 0, "the management API to list the connection");
        await BrokerFixture.WaitUntilAsync(() => Task.FromResult(!consumer.IsConsuming("RECOVERED")), "the consumer to be reported gone");
        await BrokerFixture.WaitUntilAsync(() => Task.FromResult(consumer.IsConsuming("RECOVERED")), "the client to recover the consumer");

        // The client restored the consumer; the queue consumer must not have added one of its own, now or a little later.
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.Equal(1u, await BrokerFixture.ConsumerCountAsync(connection, queue));
            await Task.Delay(200, Token);
        }
        await publisher.PublishAsync([Message("RECOVERED", "after the recovery")], Token);
        Assert.Equal("after the recovery", await handler.NextAsync(Patience));
    }

    private async Task<int> CloseConnectionsAsync()
    {
        using var http = TestServers.ManagementClient();
        var connections = await http.GetFromJsonAsync<JsonElement>($"api/vhosts/{fixture.VirtualHost.Name}/connections", Token);
        var names = connections.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        foreach (var name in names)
        {
            await BrokerFixture.ManageAsync(HttpMethod.Delete, $"api/connections/{Uri.EscapeDataString(name)}");
        }
        return names.Count;
    }
}
