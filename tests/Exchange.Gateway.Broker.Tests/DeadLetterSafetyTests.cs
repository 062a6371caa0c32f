using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Broker.Tests;

/// <summary>
/// Recipient queues dead-letter at least once, which takes reject-publish overflow: a queue at a length limit refuses a
/// message and the publisher reports it unpublished. Queues an earlier version declared without these arguments are
/// used as they are.
/// </summary>
public sealed class DeadLetterSafetyTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OutgoingMessage Message(string recipient, string text) => new(recipient, Guid.NewGuid().ToString(), "exchange.test.text", Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_message_a_full_queue_refuses_is_reported_unpublished()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        // A quorum queue refuses a publish once it holds more than its limit.
        await publisher.PublishAsync([Message("FULL", "first"), Message("FULL", "second")], Token);
        var queue = DeliveryTopology.RecipientQueue("FULL");
        await BrokerFixture.ManageAsync(HttpMethod.Put, $"api/policies/{fixture.VirtualHost.Name}/full",
            new Dictionary<string, object>
            {
                ["pattern"] = $"^{queue.Replace(".", "\\.", StringComparison.Ordinal)}$",
                ["definition"] = new Dictionary<string, object> { ["max-length"] = 1 },
                ["apply-to"] = "queues",
            });
        await BrokerFixture.WaitUntilAsync(async () =>
            (await fixture.QueueAsync(queue)).TryGetProperty("effective_policy_definition", out var policy)
            && policy.TryGetProperty("max-length", out _), "the length limit to apply");

        await Assert.ThrowsAsync<PublishException>(() => publisher.PublishAsync([Message("FULL", "refused")], Token));

        Assert.Equal(2u, await BrokerFixture.MessageCountAsync(connection, queue));
    }

    [Fact]
    public async Task a_queue_an_earlier_version_declared_with_other_arguments_is_used_as_it_is()
    {
        await using var connection = fixture.NewConnection();
        var queue = DeliveryTopology.RecipientQueue("LEGACY");
        var amqp = await connection.GetAsync(Token);
        await using (var channel = await amqp.CreateChannelAsync(cancellationToken: Token))
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-dead-letter-exchange"] = DeliveryTopology.DeadLetterExchange,
                ["x-delivery-limit"] = fixture.Options.Value.DeliveryLimit,
            }, cancellationToken: Token);
        }
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler();
        await using var consumer = fixture.NewConsumer(connection, handler);

        await BrokerFixture.ConsumeAsync(consumer, "LEGACY");
        await publisher.PublishAsync([Message("LEGACY", "through the old queue")], Token);

        Assert.Equal("through the old queue", await handler.NextAsync(Patience));
        Assert.False((await fixture.QueueAsync(queue)).GetProperty("arguments").TryGetProperty("x-overflow", out _));
    }
}
