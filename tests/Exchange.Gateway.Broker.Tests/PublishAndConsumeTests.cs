using System.Text;
using Exchange.Domain.Delivery;
using Exchange.Gateway.Broker.Envelopes;
using RabbitMQ.Client;

namespace Exchange.Gateway.Broker.Tests;

public sealed class PublishAndConsumeTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static OutgoingMessage Message(string recipient, string text) => new(recipient, Guid.NewGuid().ToString(), "exchange.test.text", Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task a_confirmed_message_waits_in_the_recipients_durable_quorum_queue()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);

        await publisher.PublishAsync([Message("HEALTH", "appeal-1")], Token);

        var queue = await fixture.QueueAsync(DeliveryTopology.RecipientQueue("HEALTH"));
        Assert.Equal("quorum", queue.GetProperty("type").GetString());
        Assert.True(queue.GetProperty("durable").GetBoolean());
        var arguments = queue.GetProperty("arguments");
        Assert.Equal(DeliveryTopology.DeadLetterExchange, arguments.GetProperty("x-dead-letter-exchange").GetString());
        // Dead letters are handed to the dead-letter queue with confirms, which RabbitMQ allows only under reject-publish.
        Assert.Equal("at-least-once", arguments.GetProperty("x-dead-letter-strategy").GetString());
        Assert.Equal("reject-publish", arguments.GetProperty("x-overflow").GetString());
        var taken = await fixture.TakeAsync(connection, DeliveryTopology.RecipientQueue("HEALTH"));
        Assert.Equal("appeal-1", Encoding.UTF8.GetString(taken!.Body.Span));
        Assert.Equal(DeliveryModes.Persistent, taken.BasicProperties.DeliveryMode);
    }

    [Fact]
    public async Task a_batch_is_confirmed_as_a_whole_and_arrives_in_order()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var batch = Enumerable.Range(0, 500).Select(i => Message("BATCH", $"m{i}")).ToList();

        await publisher.PublishAsync(batch, Token);

        var queue = DeliveryTopology.RecipientQueue("BATCH");
        for (var i = 0; i < 500; i++)
        {
            var taken = await fixture.TakeAsync(connection, queue);
            Assert.Equal($"m{i}", Encoding.UTF8.GetString(taken!.Body.Span));
        }
        Assert.Null(await fixture.TakeAsync(connection, queue));
    }

    [Fact]
    public async Task the_consumer_hands_each_message_over_and_acks_it()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler();
        await using var consumer = fixture.NewConsumer(connection, handler);
        await BrokerFixture.ConsumeAsync(consumer, "CONSUMED");

        await publisher.PublishAsync([Message("CONSUMED", "a"), Message("CONSUMED", "b")], Token);

        // Hand-overs run concurrently, so either may come first; disposing waits for their acks.
        string[] handled = [await handler.NextAsync(Patience), await handler.NextAsync(Patience)];
        Assert.Equal(["a", "b"], handled.Order());
        await consumer.DisposeAsync();
        await using var check = fixture.NewConnection();
        Assert.Null(await fixture.TakeAsync(check, DeliveryTopology.RecipientQueue("CONSUMED")));
    }

    [Fact]
    public async Task a_delivery_envelope_reaches_the_handler_with_its_version_and_reads_back_as_what_was_relayed()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler();
        await using var consumer = fixture.NewConsumer(connection, handler);
        await BrokerFixture.ConsumeAsync(consumer, "ENVELOPED");
        var relayed = new RelayedMessage(Guid.NewGuid(), "ENVELOPED");

        await publisher.PublishAsync([DeliveryEnvelope.Encode(relayed)], Token);

        var body = Encoding.UTF8.GetBytes(await handler.NextAsync(Patience));
        var type = Assert.Single(handler.Types);
        Assert.Equal(DeliveryEnvelope.V1, type);
        Assert.Equal(relayed, DeliveryEnvelope.Decode(type, body));
    }

    [Fact]
    public async Task a_failed_hand_over_returns_the_message_to_the_queue_until_it_succeeds()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler { FailFirst = 2 };
        await using var consumer = fixture.NewConsumer(connection, handler);
        await BrokerFixture.ConsumeAsync(consumer, "FLAKY");

        await publisher.PublishAsync([Message("FLAKY", "survivor")], Token);

        Assert.Equal("survivor", await handler.NextAsync(Patience));
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task a_message_that_never_hands_over_is_given_up_once_and_ends_in_the_dead_letter_queue()
    {
        await using var connection = fixture.NewConnection();
        await using var publisher = new ConfirmedPublisher(connection, fixture.Options);
        var handler = new RecordingHandler { FailFirst = int.MaxValue };
        var poison = Message("POISON", "poison");
        await using (var consumer = fixture.NewConsumer(connection, handler))
        {
            await BrokerFixture.ConsumeAsync(consumer, "POISON");
            await publisher.PublishAsync([poison], Token);

            // The dead-letter queue is the virtual host's, shared by every test of the class: wait for this message in it.
            var dead = await fixture.TakeAsync(connection, DeliveryTopology.DeadLetterQueue, poison.MessageId, Patience);
            Assert.Equal("poison", Encoding.UTF8.GetString(dead.Body.Span));
        }
        Assert.Empty(handler.Handled);
        // The first delivery and DeliveryLimit more; the handler heard before the last one that it would be the last.
        Assert.Equal(fixture.Options.Value.DeliveryLimit + 1, handler.Calls);
        Assert.Equal(["poison"], handler.GivenUp);
    }
}
