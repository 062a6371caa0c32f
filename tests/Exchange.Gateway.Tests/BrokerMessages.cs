using Exchange.Domain.Messages;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Delivery;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Exchange.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Exchange.Gateway.Tests;

/// <summary>What tests do with the gateway's broker directly: publish past the gateway, count queues, ask readiness.</summary>
public static class BrokerMessages
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// An appeal addressed to HEALTH that a test publishes to PORTAL's queue, as a misconfigured site's relay might: the
    /// inbox refuses it on every delivery, so the queue dead-letters it.
    /// </summary>
    /// <param name="now">The time on the gateway's clock.</param>
    public static AcceptedMessage Misrouted(DateTimeOffset now)
    {
        var messageId = MessageIds.NewVersion1(now);
        var content = $"<Appeal xmlns=\"{GatewayFixture.Appeal.NamespaceUri}\">misrouted</Appeal>";
        return new AcceptedMessage(messageId, MessageKind.Request, "PORTAL", "HEALTH", GatewayFixture.Appeal.NamespaceUri,
            GatewayFixture.Appeal.RootElement, null, null, false,
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)), content, now);
    }

    /// <summary>Publishes, confirmed, to the queue of <paramref name="queueOf"/> (declared as the gateway declares it).</summary>
    public static async Task PublishAsync(Uri broker, string queueOf, AcceptedMessage message)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(Token);
        await DeliveryTopology.DeclareRecipientAsync(connection, queueOf, GatewayFixture.BrokerDeliveryLimit, Token);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Token);
        var properties = new BasicProperties { MessageId = message.MessageId.ToString(), Persistent = true };
        await channel.BasicPublishAsync(DeliveryTopology.DeliveryExchange, queueOf, mandatory: true, properties,
            TransportCodec.Encode(message), Token);
    }

    /// <summary>How many messages the queue holds now (the management API's figures lag by seconds).</summary>
    public static async Task<uint> CountAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Token);
        return (await channel.QueueDeclarePassiveAsync(queue, Token)).MessageCount;
    }

    /// <summary>The node's RabbitMQ readiness check, as /health/ready runs it.</summary>
    public static async Task<HealthReportEntry> BrokerReadinessAsync(IServiceProvider node)
    {
        var report = await node.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "rabbitmq", Token);
        return report.Entries["rabbitmq"];
    }
}
