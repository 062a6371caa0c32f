using Exchange.Domain.Delivery;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Broker.Envelopes;
using Exchange.Gateway.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Moves accepted messages from the outbox to their recipients' queues, with publisher confirms. Runs on
/// every node; row locks keep two nodes from relaying the same row at the same time.
/// </summary>
public sealed class OutboxRelayService(
    Outbox outbox,
    ConfirmedPublisher publisher,
    RelaySignal signal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxRelayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.RelayPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var relayed = await outbox.RelayBatchAsync(options.Value.RelayBatchSize, PublishAsync, stoppingToken);
                if (relayed > 0)
                {
                    Log.Relayed(logger, relayed);
                }
                delay = options.Value.RelayPollInterval;
                if (relayed == options.Value.RelayBatchSize)
                {
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Broker or database away: the rows stay in the outbox; back off up to RelayMaxBackoff.
                Log.RelayFailed(logger, e, delay);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.RelayMaxBackoff.Ticks));
                continue;
            }
            await signal.WaitAsync(options.Value.RelayPollInterval, stoppingToken);
        }
    }

    private Task PublishAsync(IReadOnlyList<RelayedMessage> messages, CancellationToken cancellationToken) =>
        publisher.PublishAsync(messages.Select(DeliveryEnvelope.Encode).ToList(), cancellationToken);
}
