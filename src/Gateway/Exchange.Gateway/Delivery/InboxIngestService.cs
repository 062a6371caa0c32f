using Exchange.Gateway.Broker;
using Exchange.Gateway.Directory;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Consumes the queue of every participant in the directory on this node, and of every participant added later as
/// soon as this node's directory learns of it. Retired participants stay consumed: messages already on their way
/// still have to reach their inbox.
/// </summary>
public sealed class InboxIngestService(
    DirectoryCache directory,
    QueueConsumer consumer,
    ILogger<InboxIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = directory.Changed;
            // QueueConsumer skips the queues this node already consumes.
            foreach (var participant in directory.Current.Content.Participants)
            {
                await ConsumeAsync(participant.Mnemonic, stoppingToken);
            }
            await changed.WaitAsync(stoppingToken);
        }
    }

    private async Task ConsumeAsync(string mnemonic, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await consumer.ConsumeAsync(mnemonic, stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ConsumeFailed(logger, e, mnemonic, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
