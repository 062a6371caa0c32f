using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Delivery;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// Wakes this node's waiting calls when a message reaches a recipient's inbox on any node: one connection listening on
/// <see cref="Inbox.ArrivalChannel"/>. A notification sent while the connection was down is lost, so after every
/// (re)connect every waiting call looks again; what becomes available without a notification (a lease running out) is
/// found by each call's own periodic look (<see cref="DeliveryOptions.WaitRecheckInterval"/>).
/// </summary>
public sealed class InboxArrivalListener(
    DatabaseNotifications notifications,
    DeliveryWaiters waiters,
    ILogger<InboxArrivalListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    // How long the connection may stay silent before it is asked whether it is still there.
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var arrivals = await notifications.SubscribeAsync(Inbox.ArrivalChannel, stoppingToken);
                waiters.WakeAll();
                while (!stoppingToken.IsCancellationRequested)
                {
                    foreach (var recipient in await arrivals.WaitAsync(QuietCheck, stoppingToken))
                    {
                        waiters.Wake(recipient);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.ArrivalListenFailed(logger, e, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
