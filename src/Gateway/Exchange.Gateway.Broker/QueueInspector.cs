using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Broker;

/// <summary>
/// Reads recipients' queues through AMQP alone (a passive declare answers with the queue's counts), so the console needs
/// no access to the management plugin. A passive declare never creates or changes a queue.
/// </summary>
public sealed class QueueInspector(BrokerConnection connection)
{
    /// <summary>The figures of each recipient's queue (<see cref="DeliveryTopology.RecipientQueue"/>); null for a queue that does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, QueueFigures?>> InspectRecipientsAsync(IEnumerable<string> mnemonics,
        CancellationToken cancellationToken)
    {
        var amqp = await connection.GetAsync(cancellationToken);
        var figures = new Dictionary<string, QueueFigures?>(StringComparer.Ordinal);
        IChannel? channel = null;
        try
        {
            foreach (var mnemonic in mnemonics)
            {
                channel ??= await amqp.CreateChannelAsync(cancellationToken: cancellationToken);
                var queue = DeliveryTopology.RecipientQueue(mnemonic);
                try
                {
                    var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                    figures[mnemonic] = new QueueFigures(queue, declared.MessageCount, declared.ConsumerCount);
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
                {
                    // The broker closes the channel it refused a passive declare on: the next queue needs another.
                    figures[mnemonic] = null;
                    await channel.DisposeAsync();
                    channel = null;
                }
            }
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }
        return figures;
    }
}
