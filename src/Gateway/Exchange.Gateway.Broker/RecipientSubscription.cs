using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Exchange.Gateway.Broker;

/// <summary>
/// One recipient's consumer on a channel it has to itself, so that what the broker does to it (closing the channel for a
/// consumer_timeout or a channel error, cancelling the consumer because its queue was deleted) touches no other recipient.
/// </summary>
internal sealed class RecipientSubscription
{
    private volatile bool _cancelled;

    public RecipientSubscription(IChannel channel, AsyncEventingBasicConsumer consumer, string queue)
    {
        Channel = channel;
        Queue = queue;
        // Unregistered: cancelled by the broker or by us, or its channel shut down. Registered: subscribed again, which
        // the client does when it recovers the connection.
        consumer.UnregisteredAsync += (_, _) =>
        {
            _cancelled = true;
            return Task.CompletedTask;
        };
        consumer.RegisteredAsync += (_, _) =>
        {
            _cancelled = false;
            return Task.CompletedTask;
        };
    }

    public IChannel Channel { get; }

    public string Queue { get; }

    public string ConsumerTag { get; set; } = "";

    public bool IsLive => Channel.IsOpen && !_cancelled;

    /// <summary>Why it is not live, for the log.</summary>
    public string LossReason => Channel.CloseReason is { } closed
        ? $"channel closed by {closed.Initiator}: {closed.ReplyCode} {closed.ReplyText}"
        : "consumer cancelled by the broker (queue deleted?)";

    /// <summary>
    /// Closes the channel (at once if the broker closed it already), which also drops what the client recorded of it
    /// for connection recovery, so that a later recovery cannot bring back a consumer that has been replaced.
    /// </summary>
    public async Task RetireAsync()
    {
        try
        {
            await Channel.AbortAsync(CancellationToken.None);
        }
        finally
        {
            Channel.Dispose();
        }
    }
}
