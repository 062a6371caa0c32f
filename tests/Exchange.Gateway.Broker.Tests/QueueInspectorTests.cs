using System.Text;

namespace Exchange.Gateway.Broker.Tests;

public sealed class QueueInspectorTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ready_messages_and_consumers_are_read_per_recipient_and_a_missing_queue_is_null_without_failing_the_rest()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        await publisher.PublishAsync(
            [.. Enumerable.Range(0, 2).Select(i => new OutgoingMessage("QI_HELD", Guid.NewGuid().ToString(), "exchange.test.text", Encoding.UTF8.GetBytes($"m{i}")))],
            Token);
        await using var consumer = fixture.NewConsumer(connection, new RecordingHandler());
        await BrokerFixture.ConsumeAsync(consumer, "QI_CONSUMED");

        var figures = await new QueueInspector(connection).InspectRecipientsAsync(["QI_HELD", "QI_MISSING", "QI_CONSUMED"], Token);

        Assert.Equal(new QueueFigures(DeliveryTopology.RecipientQueue("QI_HELD"), 2, 0), figures["QI_HELD"]);
        Assert.Null(figures["QI_MISSING"]);
        Assert.Equal(new QueueFigures(DeliveryTopology.RecipientQueue("QI_CONSUMED"), 0, 1), figures["QI_CONSUMED"]);
    }
}
