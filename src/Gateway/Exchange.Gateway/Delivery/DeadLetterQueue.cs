using Exchange.Gateway.Broker;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// The broker's dead-letter queue as the console shows it: how many broker copies of given-up messages it keeps. Asked
/// with a short patience, so an unreachable broker makes the failed-messages page say "unknown" rather than hang.
/// </summary>
public sealed class DeadLetterQueue(BrokerConnection connection, ILogger<DeadLetterQueue> logger)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>The queue's depth now; null when the broker cannot say within a few seconds.</summary>
    public async Task<uint?> CountAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            var amqp = await connection.GetAsync(patience.Token);
            return await DeliveryTopology.DeadLetterCountAsync(amqp, patience.Token);
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.DeadLetterCountUnavailable(logger, e);
            return null;
        }
    }
}
