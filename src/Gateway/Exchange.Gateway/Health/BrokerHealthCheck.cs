using Exchange.Gateway.Broker;
using Exchange.Gateway.Directory;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Health;

/// <summary>
/// Ready when the connection to RabbitMQ is open and every participant of this node's directory (the queues
/// <see cref="Delivery.InboxIngestService"/> consumes) has a live consumer on this node: a node without one takes none
/// of that participant's messages.
/// </summary>
public sealed class BrokerHealthCheck(BrokerConnection connection, QueueConsumer consumer, DirectoryCache directory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var amqp = await connection.GetAsync(cancellationToken);
            if (!amqp.IsOpen)
            {
                return HealthCheckResult.Unhealthy($"The connection to RabbitMQ is closed ({amqp.CloseReason?.ReplyText}); the client is recovering it");
            }
        }
        catch (BrokerUnreachableException e)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {connection.Address.Host}:{connection.Address.Port} is unreachable", e);
        }
        var unconsumed = directory.Current.Content.Participants.Select(p => p.Mnemonic).Where(m => !consumer.IsConsuming(m)).ToList();
        return unconsumed.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"No live RabbitMQ consumer on this node for the queues of {string.Join(", ", unconsumed)}; subscribing again");
    }
}
