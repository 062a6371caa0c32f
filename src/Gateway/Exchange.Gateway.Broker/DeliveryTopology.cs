using RabbitMQ.Client;

namespace Exchange.Gateway.Broker;

/// <summary>
/// The broker's shape: one direct exchange routes each message to its recipient's durable quorum queue
/// (routing key = recipient mnemonic); what a queue gives up on goes to the dead-letter queue.
/// </summary>
public static class DeliveryTopology
{
    public const string DeliveryExchange = "exchange.delivery";
    public const string DeadLetterExchange = "exchange.dead-letter";
    public const string DeadLetterQueue = "exchange.dead-letter";

    public static string RecipientQueue(string mnemonic) => $"exchange.inbox.{mnemonic}";

    public static async Task DeclareBaseAsync(IChannel channel, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(DeliveryExchange, ExchangeType.Direct, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(DeadLetterQueue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(DeadLetterQueue, DeadLetterExchange, routingKey: "", cancellationToken: cancellationToken);
    }

    /// <summary>Declares (idempotently) the recipient's queue and binds it; returns its name.</summary>
    public static async Task<string> DeclareRecipientAsync(IChannel channel, string mnemonic, int deliveryLimit,
        CancellationToken cancellationToken)
    {
        var queue = RecipientQueue(mnemonic);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                ["x-queue-type"] = "quorum",
                ["x-dead-letter-exchange"] = DeadLetterExchange,
                ["x-delivery-limit"] = deliveryLimit,
            },
            cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, DeliveryExchange, routingKey: mnemonic, cancellationToken: cancellationToken);
        return queue;
    }
}
