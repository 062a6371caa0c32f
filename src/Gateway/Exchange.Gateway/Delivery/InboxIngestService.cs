using Exchange.Gateway.Broker;
using Exchange.Gateway.Directory;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Consumes the queue of every participant in the directory on this node, and of every participant added later as
/// soon as this node's directory learns of it. Retired participants stay consumed: messages already on their way
/// still have to reach their inbox. <see cref="QueueConsumer"/> keeps each queue consumed from then on, subscribing
/// again whenever the broker ends a consumer; <see cref="Health.BrokerHealthCheck"/> reports a participant it has none for.
/// </summary>
public sealed class InboxIngestService(DirectoryCache directory, QueueConsumer consumer) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = directory.Changed;
            // QueueConsumer skips the queues this node already consumes.
            foreach (var participant in directory.Current.Content.Participants)
            {
                consumer.Consume(participant.Mnemonic, stoppingToken);
            }
            await changed.WaitAsync(stoppingToken);
        }
    }
}
