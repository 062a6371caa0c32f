using Exchange.Gateway.Broker;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Consumes the queue of every registered participant on this node. Participants registered after start-up
/// are picked up on the next start (live directory changes arrive with the directory work, issue 6).
/// </summary>
public sealed class InboxIngestService(
    ParticipantDirectory directory,
    QueueConsumer consumer,
    ILogger<InboxIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var participant in await directory.ListAsync(stoppingToken))
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await consumer.ConsumeAsync(participant.Mnemonic, stoppingToken);
                    break;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.ConsumeFailed(logger, e, participant.Mnemonic, RetryDelay);
                    await Task.Delay(RetryDelay, stoppingToken);
                }
            }
        }
    }
}
