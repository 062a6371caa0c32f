using Exchange.Gateway.Broker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Health;

public sealed class BrokerHealthCheck(BrokerConnection connection) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var amqp = await connection.GetAsync(cancellationToken);
            return amqp.IsOpen
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The connection to RabbitMQ is closed ({amqp.CloseReason?.ReplyText}); the client is recovering it");
        }
        catch (BrokerUnreachableException e)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ at {connection.Address.Host}:{connection.Address.Port} is unreachable", e);
        }
    }
}
