using Exchange.Domain.Delivery;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Broker.Envelopes;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Stores what the broker delivers in the recipient's inbox; the broker is acked only after the commit.
/// While PostgreSQL is unavailable the store is retried and the broker delivery held (up to
/// <see cref="BrokerOptions.MaxHoldTime"/>): returned to its queue, the message would use up one of its deliveries each
/// time, and an outage longer than about DeliveryLimit × RetryDelay would dead-letter every message the broker holds,
/// accepted messages that then never reach their recipient. Only a failure of the message itself, or an outage longer
/// than the hold time, sends it back to the queue, towards the dead-letter queue.
/// </summary>
public sealed class InboxWriter(Inbox inbox, GatewayMetrics metrics, TimeProvider time, IOptions<GatewayOptions> gateway, IOptions<BrokerOptions> broker,
    ILogger<InboxWriter> logger) : IDeliveryHandler
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(5);

    // What the sender and recipient may read in the history and the status stream; the cause itself (table, constraint,
    // exception text) is for operators and goes to the log with the message id.
    public const string UndeliverableReason =
        "the gateway could not put the message in the recipient's inbox; operators keep it in the dead-letter queue";

    public async Task HandleAsync(IncomingMessage delivery, CancellationToken cancellationToken)
    {
        var message = DeliveryEnvelope.Decode(delivery.Type, delivery.Body);
        if (message.Recipient != delivery.Recipient)
        {
            throw new InvalidOperationException(
                $"Message {message.MessageId} is addressed to {message.Recipient} but arrived on the queue of {delivery.Recipient}.");
        }
        var isNew = await StoreOnceDatabaseAnswersAsync(message, cancellationToken);
        Log.Stored(logger, message.MessageId, delivery.Recipient, isNew);
        if (isNew)
        {
            metrics.MessageQueued();
        }
    }

    public async Task GiveUpAsync(IncomingMessage delivery, CancellationToken cancellationToken)
    {
        var message = DeliveryEnvelope.Decode(delivery.Type, delivery.Body);
        if (await inbox.RecordUndeliverableAsync(message, UndeliverableReason, time.GetUtcNow(), gateway.Value.NodeName, cancellationToken))
        {
            metrics.MessageFailed();
        }
    }

    private async Task<bool> StoreOnceDatabaseAnswersAsync(RelayedMessage message, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        var holdingSince = System.Diagnostics.Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                return await inbox.StoreAsync(message, time.GetUtcNow(), gateway.Value.NodeName, cancellationToken);
            }
            catch (Exception e) when (StorageFailures.IsTransient(e) && !cancellationToken.IsCancellationRequested
                && System.Diagnostics.Stopwatch.GetElapsedTime(holdingSince) < broker.Value.MaxHoldTime)
            {
                Log.InboxUnavailable(logger, e, message.MessageId, message.Recipient, delay);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRetryDelay.Ticks));
            }
        }
    }
}
