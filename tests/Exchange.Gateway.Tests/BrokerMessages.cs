using Exchange.Domain.Delivery;
using Exchange.Domain.Directory;
using Exchange.Domain.Messages;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Broker.Envelopes;
using Exchange.Protocol;
using Exchange.Protocol.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;

namespace Exchange.Gateway.Tests;

/// <summary>What tests do with the gateway's broker directly: publish past the gateway, count queues, ask readiness.</summary>
public static class BrokerMessages
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>
    /// An appeal addressed to HEALTH, stored as accepted, that a test publishes to PORTAL's queue, as a misconfigured
    /// relay might: the inbox refuses it on every delivery, so the queue dead-letters it. Its content is what a sender sends.
    /// </summary>
    /// <param name="now">The time on the gateway's clock.</param>
    public static async Task<AcceptedMessage> MisroutedAsync(GatewayFixture gateway, DateTimeOffset now)
    {
        var messageId = MessageIds.NewVersion1(now);
        // As a sender's SendRequest carries it, so that once requeued to HEALTH it is handed out like any request.
        var content = $"""
            <ns:SenderProvidedRequestData Id="SIGNED_BY_CONSUMER" xmlns:ns="{SmevNamespaces.Types}" xmlns:b="{SmevNamespaces.Basic}"><ns:MessageID>{messageId}</ns:MessageID><b:MessagePrimaryContent><a:Appeal xmlns:a="{GatewayFixture.Appeal.NamespaceUri}"><a:Text>misrouted</a:Text></a:Appeal></b:MessagePrimaryContent></ns:SenderProvidedRequestData>
            """;
        var message = new AcceptedMessage(messageId, MessageKind.Request, "PORTAL", "HEALTH", GatewayFixture.Appeal.NamespaceUri,
            GatewayFixture.Appeal.RootElement, null, null, false,
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content)), content, now);
        await StoreUnrelayedAsync(gateway, message);
        return message;
    }

    /// <summary>
    /// Stores the message as a node accepts it (its row, files and <c>accepted</c>) but with no outbox row: nothing relays
    /// it but the test, which publishes it itself.
    /// </summary>
    public static async Task StoreUnrelayedAsync(GatewayFixture gateway, AcceptedMessage message)
    {
        await using var connection = new NpgsqlConnection(gateway.ConnectionString);
        await connection.OpenAsync(Token);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("""
                    INSERT INTO messages (message_id, kind, sender, recipient, namespace_uri, root_element, is_test, content_sha256,
                                          content, accepted_at, end_of_life, sender_signature, current_status, current_status_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'accepted', $10)
                    """)
                {
                    Parameters =
                    {
                        new() { Value = message.MessageId },
                        new() { Value = DirectoryNames.Of(message.Kind) },
                        new() { Value = message.Sender },
                        new() { Value = message.Recipient },
                        new() { Value = message.NamespaceUri },
                        new() { Value = message.RootElement },
                        new() { Value = message.IsTest },
                        new() { Value = message.ContentSha256 },
                        new() { Value = message.Content },
                        new() { Value = message.AcceptedAt },
                        new() { Value = (object?)message.EndOfLife ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                        new() { Value = (object?)message.SenderSignature ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
                    },
                },
                new("INSERT INTO message_status (message_id, status, at, actor) VALUES ($1, 'accepted', $2, $3)")
                {
                    Parameters = { new() { Value = message.MessageId }, new() { Value = message.AcceptedAt }, new() { Value = message.Sender } },
                },
            },
        };
        foreach (var (attachment, ordinal) in message.Attachments.Select((a, i) => (a, i)))
        {
            batch.BatchCommands.Add(new("""
                INSERT INTO message_attachments (message_id, content_id, ordinal, mime_type, size, sha256, content)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                """)
            {
                Parameters =
                {
                    new() { Value = message.MessageId }, new() { Value = attachment.ContentId }, new() { Value = ordinal },
                    new() { Value = attachment.MimeType }, new() { Value = attachment.Size }, new() { Value = attachment.Sha256 },
                    new() { Value = attachment.Content },
                },
            });
        }
        await batch.ExecuteNonQueryAsync(Token);
    }

    /// <summary>
    /// Publishes the message's envelope, as this release's relay does, confirmed, to the queue of <paramref name="queueOf"/>
    /// (declared as the gateway declares it).
    /// </summary>
    public static Task PublishAsync(Uri broker, string queueOf, AcceptedMessage message)
    {
        var envelope = DeliveryEnvelope.Encode(new RelayedMessage(message.MessageId, message.Recipient));
        return PublishAsync(broker, queueOf, envelope.MessageId, envelope.Type, envelope.Body);
    }

    /// <summary>Publishes <paramref name="body"/> as it is, with the AMQP <paramref name="type"/> given (none for null).</summary>
    public static async Task PublishAsync(Uri broker, string queueOf, string messageId, string? type, ReadOnlyMemory<byte> body)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(Token);
        await DeliveryTopology.DeclareRecipientAsync(connection, queueOf, GatewayFixture.BrokerDeliveryLimit, Token);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Token);
        var properties = new BasicProperties { MessageId = messageId, Type = type, Persistent = true };
        await channel.BasicPublishAsync(DeliveryTopology.DeliveryExchange, queueOf, mandatory: true, properties, body, Token);
    }

    /// <summary>How many messages the queue holds now (the management API's figures lag by seconds).</summary>
    public static async Task<uint> CountAsync(Uri broker, string queue)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Token);
        return (await channel.QueueDeclarePassiveAsync(queue, Token)).MessageCount;
    }

    /// <summary>
    /// The MessageIDs the dead-letter queue holds (others' too). Read without acknowledging: closing the channel returns
    /// them, so the broker keeps them.
    /// </summary>
    public static async Task<List<string?>> DeadLetteredAsync(Uri broker)
    {
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(Token);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Token);
        var held = new List<string?>();
        while (await channel.BasicGetAsync(DeliveryTopology.DeadLetterQueue, autoAck: false, Token) is { } message)
        {
            held.Add(message.BasicProperties.MessageId);
        }
        return held;
    }

    /// <summary>The node's RabbitMQ readiness check, as /health/ready runs it.</summary>
    public static async Task<HealthReportEntry> BrokerReadinessAsync(IServiceProvider node)
    {
        var report = await node.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == "rabbitmq", Token);
        return report.Entries["rabbitmq"];
    }
}
