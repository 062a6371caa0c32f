using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Exchange.Gateway.Broker;

/// <summary>Consumes recipient queues with manual acknowledgements on one channel.</summary>
public sealed class QueueConsumer(
    BrokerConnection connection,
    IDeliveryHandler handler,
    IOptions<BrokerOptions> options,
    ILogger<QueueConsumer> logger) : IAsyncDisposable
{
    // Hand-overs in progress may take this long to finish (and be acked) when the consumer is disposed.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _consumed = [];
    private readonly List<string> _consumerTags = [];
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IChannel? _channel;
    private CancellationToken _stopping;
    private int _inFlight;
    private volatile bool _closing;

    /// <summary>Starts consuming the recipient's queue (declaring it) unless this node already does.</summary>
    public async Task ConsumeAsync(string recipient, CancellationToken stopping)
    {
        await _gate.WaitAsync(stopping);
        try
        {
            if (_consumed.Contains(recipient))
            {
                return;
            }
            _stopping = stopping;
            var channel = await ChannelAsync(stopping);
            var queue = await DeliveryTopology.DeclareRecipientAsync(channel, recipient, options.Value.DeliveryLimit, stopping);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(channel, recipient, queue, delivery);
            _consumerTags.Add(await channel.BasicConsumeAsync(queue, autoAck: false, consumer, stopping));
            _consumed.Add(recipient);
            Log.Consuming(logger, queue);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task OnReceivedAsync(IChannel channel, string recipient, string queue, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await HandOverAsync(channel, recipient, queue, delivery);
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _closing)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task HandOverAsync(IChannel channel, string recipient, string queue, BasicDeliverEventArgs delivery)
    {
        try
        {
            await handler.HandleAsync(recipient, delivery.Body, _stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Log.HandOverFailed(logger, e, delivery.BasicProperties.MessageId, queue, delivery.Redelivered);
            if (PreviousFailures(delivery) >= options.Value.DeliveryLimit)
            {
                await GiveUpAsync(recipient, queue, delivery);
            }
            // A short pause keeps a persistent failure from spinning the message round the queue.
            await Task.Delay(options.Value.RetryDelay, CancellationToken.None);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
            return;
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the unacknowledged delivery returns to the queue when the channel closes.
            return;
        }
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None);
    }

    // A quorum queue counts the deliveries of a message that came back unacknowledged in x-delivery-count, and
    // dead-letters it once that count passes x-delivery-limit: the delivery that finds the count at the limit is the last.
    private static long PreviousFailures(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is not null
            ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private async Task GiveUpAsync(string recipient, string queue, BasicDeliverEventArgs delivery)
    {
        Log.DeadLettering(logger, delivery.BasicProperties.MessageId, queue);
        try
        {
            await handler.GiveUpAsync(recipient, delivery.Body, _stopping);
        }
        catch (Exception e)
        {
            // Recording the failure failed too (or the node is stopping): the dead-letter queue still keeps the message,
            // and the log says so. The delivery itself is returned to the queue below either way.
            Log.GiveUpUnrecorded(logger, e, delivery.BasicProperties.MessageId, queue);
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is not null)
        {
            return _channel;
        }
        var amqp = await connection.GetAsync(cancellationToken);
        // Hand-overs are independent, idempotent database transactions: run several at once instead of one by one.
        _channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: options.Value.ConsumerConcurrency),
            cancellationToken);
        await _channel.BasicQosAsync(prefetchSize: 0, options.Value.PrefetchCount, global: false, cancellationToken);
        await DeliveryTopology.DeclareBaseAsync(_channel, cancellationToken);
        return _channel;
    }

    /// <summary>
    /// Stops taking deliveries, lets the hand-overs in progress finish and be acknowledged (so a clean stop causes no
    /// redeliveries), then closes the channel; what is still unacknowledged returns to its queue.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_channel is not null)
        {
            if (_channel.IsOpen)
            {
                _closing = true;
                foreach (var tag in _consumerTags)
                {
                    await _channel.BasicCancelAsync(tag);
                }
                try
                {
                    if (Volatile.Read(ref _inFlight) > 0)
                    {
                        await _drained.Task.WaitAsync(DrainTimeout);
                    }
                }
                catch (TimeoutException)
                {
                    // Still unfinished: those deliveries return to their queues when the channel closes.
                }
                await _channel.CloseAsync();
            }
            _channel.Dispose();
        }
        _gate.Dispose();
    }
}
