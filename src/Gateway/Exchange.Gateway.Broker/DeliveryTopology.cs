using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

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

    /// <summary>
    /// The arguments of a recipient's queue. A quorum queue dead-letters at most once unless told otherwise: the message
    /// is dropped from the queue whether or not the dead-letter queue took it (unavailable, full, a partition). With
    /// <c>at-least-once</c> the queue keeps it until the dead-letter queue has confirmed it; RabbitMQ (3.10+) honours that
    /// only together with <c>reject-publish</c> overflow, under which a queue at a length limit refuses new messages (the
    /// publisher's confirm is a nack and the outbox keeps the message) instead of dropping its oldest.
    /// </summary>
    /// <remarks>
    /// Arguments rather than a policy: they travel with the queue, so every queue the gateway declares is safe on any
    /// broker without a step by its operators, and cannot be displaced by another policy (RabbitMQ applies one policy per
    /// queue, the highest priority). Queues declared by an earlier version keep their arguments (RabbitMQ cannot change
    /// them); docs/operations.md#upgrades says how a policy gives them the same.
    /// </remarks>
    public static Dictionary<string, object?> RecipientArguments(int deliveryLimit) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-dead-letter-exchange"] = DeadLetterExchange,
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
        ["x-delivery-limit"] = deliveryLimit,
    };

    /// <summary>
    /// Declares the base topology and the recipient's queue (idempotently) and binds it. A queue declared earlier with
    /// other arguments (an earlier version's, or another delivery limit) is used as it is, and <see cref="DeclaredQueue.Mismatch"/>
    /// says why. Works on channels of its own: the broker closes the channel on which it refuses a declaration.
    /// </summary>
    public static async Task<DeclaredQueue> DeclareRecipientAsync(IConnection connection, string mnemonic, int deliveryLimit,
        CancellationToken cancellationToken)
    {
        var queue = RecipientQueue(mnemonic);
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken))
        {
            await DeclareBaseAsync(channel, cancellationToken);
            try
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                    arguments: RecipientArguments(deliveryLimit), cancellationToken: cancellationToken);
                await channel.QueueBindAsync(queue, DeliveryExchange, routingKey: mnemonic, cancellationToken: cancellationToken);
                return new DeclaredQueue(queue, Mismatch: null);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
            {
                await using var retry = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                // Fails (NOT_FOUND) only if the queue was deleted in between; the next attempt declares it anew.
                await retry.QueueDeclarePassiveAsync(queue, cancellationToken);
                await retry.QueueBindAsync(queue, DeliveryExchange, routingKey: mnemonic, cancellationToken: cancellationToken);
                return new DeclaredQueue(queue, e.ShutdownReason.ReplyText);
            }
        }
    }

    /// <summary>
    /// How many messages the dead-letter queue holds now (a passive declare: the broker's own count, not the management
    /// API's figures, which lag). On a channel of its own, which the broker closes if the queue is missing.
    /// </summary>
    public static async Task<uint> DeadLetterCountAsync(IConnection connection, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(DeadLetterQueue, cancellationToken)).MessageCount;
    }
}
