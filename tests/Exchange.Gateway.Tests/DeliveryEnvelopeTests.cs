using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Nodes of two releases on one database and broker: what an older node relayed reaches the inbox of this one, and an
/// envelope this node cannot read fails as that message alone, while the queue keeps flowing.
/// </summary>
public sealed class DeliveryEnvelopeTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // How the release before envelope v1 wrote the whole message (kind as its database word).
    private static readonly JsonSerializerOptions PreviousReleaseJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    [Fact]
    public async Task a_message_an_older_node_relayed_as_v0_reaches_the_inbox_and_is_handed_out_by_get_request()
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Envelopes", "v0-request-with-attachment.json"));
        // The older node accepted the message into the shared database before it relayed it.
        var accepted = JsonSerializer.Deserialize<AcceptedMessage>(body, PreviousReleaseJson)!;
        await BrokerMessages.StoreUnrelayedAsync(gateway, accepted);

        await BrokerMessages.PublishAsync(gateway.BrokerAddress, "HEALTH", accepted.MessageId.ToString(), type: null, body);

        var received = await gateway.ReceiveAsync("HEALTH", accepted.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        var attachment = Assert.Single(received.Attachments);
        Assert.Equal(("passport-scan", "application/pdf"), (attachment.ContentId, attachment.MimeType));
        Assert.Equal(accepted.Attachments[0].Content, attachment.Content.ToArray());
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM message_status WHERE message_id = $1 AND status = 'queued'", accepted.MessageId));
    }

    [Fact]
    public async Task an_envelope_of_an_unknown_version_is_dead_lettered_and_the_queue_keeps_flowing()
    {
        var unknown = Guid.NewGuid().ToString();
        await BrokerMessages.PublishAsync(gateway.BrokerAddress, "HEALTH", unknown, "exchange.delivery.v9",
            Encoding.UTF8.GetBytes($$"""{"messageId":"{{unknown}}","recipient":"HEALTH","route":["a","b"]}"""));

        await gateway.WaitUntilAsync(async () => (await BrokerMessages.DeadLetteredAsync(gateway.BrokerAddress)).Contains(unknown));
        var sent = await GatewayFixture.SendAppealsAsync(gateway.Client("PORTAL"), 1, "after an unreadable envelope");
        var received = await gateway.ReceiveAsync("HEALTH", sent[0]);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
    }
}
