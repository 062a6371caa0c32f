using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Broker;

/// <summary>
/// Consumes recipient queues with manual acknowledgements, each on a channel of its own, and keeps consuming them. The
/// client recovers lost connections, with their channels and consumers; what it does not recover is a channel the broker
/// closed (consumer_timeout, a channel error) or a consumer the broker cancelled (its queue deleted). Such a recipient is
/// subscribed again on a new channel, after a pause that grows while it keeps failing; while the client recovers the
/// connection, the consumer waits for it instead of competing with it.
/// </summary>
public sealed class QueueConsumer(
    BrokerConnection connection,
    IDeliveryHandler handler,
    IOptions<BrokerOptions> options,
    ILogger<QueueConsumer> logger) : IAsyncDisposable
{
    // Hand-overs in progress may take this long to finish (and be acked) when the consumer is disposed.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    // How often a subscription is looked at; the broker's closing or cancelling it is noticed within this.
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Recipient> _recipients = new();
    private readonly CancellationTokenSource _disposing = new();
    private readonly SemaphoreSlim _handOvers = new(options.Value.ConsumerConcurrency, options.Value.ConsumerConcurrency);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationToken _stopping;
    private int _inFlight;
    private int _disposed;
    private volatile bool _closing;

    /// <summary>
    /// Starts consuming the recipient's queue (declaring it), and keeps consuming it until <paramref name="stopping"/> or
    /// disposal, unless this node already does. Returns at once; <see cref="IsConsuming"/> says when the consumer is live.
    /// </summary>
    public void Consume(string recipient, CancellationToken stopping)
    {
        lock (_recipients)
        {
            if (_closing || _recipients.ContainsKey(recipient))
            {
                return;
            }
            _stopping = stopping;
            var added = new Recipient();
            _recipients[recipient] = added;
            added.Supervision = KeepConsumingAsync(recipient, added, stopping);
        }
    }

    /// <summary>The recipient's queue has a live consumer on this node.</summary>
    public bool IsConsuming(string recipient) =>
        _recipients.TryGetValue(recipient, out var state) && state.Subscription is { IsLive: true };

    private async Task KeepConsumingAsync(string recipient, Recipient state, CancellationToken stopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping, _disposing.Token);
        var token = stop.Token;
        var queue = DeliveryTopology.RecipientQueue(recipient);
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                if (failures > 0)
                {
                    await Task.Delay(RetryDelay(failures), token);
                }
                state.Subscription = await SubscribeAsync(recipient, token);
                Log.Consuming(logger, queue);
                var since = Stopwatch.GetTimestamp();
                var reason = await WaitUntilLostAsync(state.Subscription, token);
                // A consumer that lived a while failed once; one lost soon after it was made is failing again.
                failures = Stopwatch.GetElapsedTime(since) > LongestRetryDelay ? 1 : failures + 1;
                Log.ConsumerLost(logger, queue, reason, RetryDelay(failures));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Stopping: DisposeAsync ends the subscription that is there, letting its hand-overs finish.
                return;
            }
            catch (Exception e)
            {
                failures++;
                Log.ConsumeFailed(logger, e, queue, RetryDelay(failures));
            }
            if (state.Subscription is { } lost)
            {
                state.Subscription = null;
                await RetireAsync(lost);
            }
        }
    }

    private static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(FirstRetryDelay.Ticks << Math.Min(failures - 1, 16), LongestRetryDelay.Ticks));

    private async Task<RecipientSubscription> SubscribeAsync(string recipient, CancellationToken cancellationToken)
    {
        var amqp = await connection.GetAsync(cancellationToken);
        var declared = await DeliveryTopology.DeclareRecipientAsync(amqp, recipient, options.Value.DeliveryLimit, cancellationToken);
        if (declared.Mismatch is { } mismatch)
        {
            Log.QueueDeclaredDifferently(logger, declared.Name, mismatch);
        }
        // Hand-overs are independent, idempotent database transactions: run several at once instead of one by one.
        var channel = await amqp.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: options.Value.ConsumerConcurrency),
            cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        var subscription = new RecipientSubscription(channel, consumer, declared.Name);
        try
        {
            await channel.BasicQosAsync(prefetchSize: 0, options.Value.PrefetchCount, global: false, cancellationToken);
            consumer.ReceivedAsync += (_, delivery) => OnReceivedAsync(subscription, recipient, delivery);
            subscription.ConsumerTag = await channel.BasicConsumeAsync(declared.Name, autoAck: false, consumer, cancellationToken);
            return subscription;
        }
        catch
        {
            await RetireAsync(subscription);
            throw;
        }
    }

    /// <summary>Returns why, once the subscription is dead and the client is not about to bring it back.</summary>
    private async Task<string> WaitUntilLostAsync(RecipientSubscription subscription, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(CheckInterval, cancellationToken);
            if (!subscription.IsLive && connection.IsOpen && !connection.IsRecovering)
            {
                return subscription.LossReason;
            }
        }
    }

    private async Task RetireAsync(RecipientSubscription subscription)
    {
        try
        {
            await subscription.RetireAsync();
        }
        catch (Exception e)
        {
            // The channel is unusable either way and no longer ours: its unacknowledged deliveries return to the queue.
            Log.RetireFailed(logger, e, subscription.Queue);
        }
    }

    private async Task OnReceivedAsync(RecipientSubscription subscription, string recipient, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            // ConsumerConcurrency holds for the node, not for each recipient's channel.
            await _handOvers.WaitAsync(CancellationToken.None);
            try
            {
                await HandOverAsync(subscription, recipient, delivery);
            }
            finally
            {
                _handOvers.Release();
            }
        }
        finally
        {
            if (Interlocked.Decrement(ref _inFlight) == 0 && _closing)
            {
                _drained.TrySetResult();
            }
        }
    }

    private async Task HandOverAsync(RecipientSubscription subscription, string recipient, BasicDeliverEventArgs delivery)
    {
        var channel = subscription.Channel;
        var queue = subscription.Queue;
        var message = new IncomingMessage(recipient, delivery.BasicProperties.Type, delivery.Body);
        try
        {
            await handler.HandleAsync(message, _stopping);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            Log.HandOverFailed(logger, e, delivery.BasicProperties.MessageId, queue, delivery.Redelivered);
            if (PreviousFailures(delivery) >= options.Value.DeliveryLimit)
            {
                await GiveUpAsync(message, queue, delivery);
            }
            // A short pause keeps a persistent failure from spinning the message round the queue.
            await Task.Delay(options.Value.RetryDelay, CancellationToken.None);
            await SettleAsync(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None),
                delivery, queue);
            return;
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the unacknowledged delivery returns to the queue when the channel closes.
            return;
        }
        await SettleAsync(() => channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None), delivery, queue);
    }

    private async Task SettleAsync(Func<ValueTask> settle, BasicDeliverEventArgs delivery, string queue)
    {
        try
        {
            await settle();
        }
        catch (Exception e) when (e is AlreadyClosedException or ObjectDisposedException)
        {
            // The broker closed the channel meanwhile (e.g. consumer_timeout while the database was away) and has returned
            // the message to its queue: it comes again, and the inbox keeps one copy.
            Log.SettleLost(logger, delivery.BasicProperties.MessageId, queue);
        }
    }

    // A quorum queue counts the deliveries of a message that came back unacknowledged in x-delivery-count, and
    // dead-letters it once that count passes x-delivery-limit: the delivery that finds the count at the limit is the last.
    private static long PreviousFailures(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers?.TryGetValue("x-delivery-count", out var count) == true && count is not null
            ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture)
            : 0;

    private async Task GiveUpAsync(IncomingMessage message, string queue, BasicDeliverEventArgs delivery)
    {
        Log.DeadLettering(logger, delivery.BasicProperties.MessageId, queue);
        try
        {
            await handler.GiveUpAsync(message, _stopping);
        }
        catch (Exception e)
        {
            // Recording the failure failed too (or the node is stopping): the dead-letter queue still keeps the message,
            // and the log says so. The delivery itself is returned to the queue below either way.
            Log.GiveUpUnrecorded(logger, e, delivery.BasicProperties.MessageId, queue);
        }
    }

    /// <summary>
    /// Stops re-subscribing and taking deliveries, lets the hand-overs in progress finish and be acknowledged (so a clean
    /// stop causes no redeliveries), then closes the channels; what is still unacknowledged returns to its queue.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        lock (_recipients)
        {
            _closing = true;
        }
        await _disposing.CancelAsync();
        await Task.WhenAll(_recipients.Values.Select(r => r.Supervision));
        var subscriptions = _recipients.Values.Select(r => r.Subscription).OfType<RecipientSubscription>().ToList();
        foreach (var subscription in subscriptions.Where(s => s.IsLive))
        {
            try
            {
                await subscription.Channel.BasicCancelAsync(subscription.ConsumerTag);
            }
            catch (AlreadyClosedException e)
            {
                // Closed meanwhile: it takes no more deliveries either way.
                Log.RetireFailed(logger, e, subscription.Queue);
            }
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
            // Still unfinished: those deliveries return to their queues when the channels close.
        }
        foreach (var subscription in subscriptions)
        {
            if (subscription.Channel.IsOpen)
            {
                await subscription.Channel.CloseAsync();
            }
            subscription.Channel.Dispose();
        }
        _disposing.Dispose();
        _handOvers.Dispose();
    }

    /// <summary>What this node does for one recipient: the loop that keeps it consumed, and its current subscription.</summary>
    private sealed class Recipient
    {
        public Task Supervision { get; set; } = Task.CompletedTask;

        public volatile RecipientSubscription? Subscription;
    }
}
