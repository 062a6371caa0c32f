using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>A broadcast is refused as a whole when one of its recipients' queues is full.</summary>
public sealed class BroadcastOverflowTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly MessageType Notice = new("urn://exchange.test/notice/1.0", "Notice");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_broadcast_reaching_a_full_queue_is_refused_and_no_copy_is_stored()
    {
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        await admin.AddParticipantAsync("DISTRICT", "district");
        await admin.AddParticipantAsync("VILLAGE_A", "settlement", parent: "DISTRICT");
        await admin.AddParticipantAsync("VILLAGE_B", "settlement", parent: "DISTRICT");
        await admin.AddTypeAsync(Notice, kind: "broadcast", broadcastLevel: "settlement");
        await admin.AddPermissionAsync(Notice, sender: "DISTRICT", recipients: "participant", recipient: "DISTRICT");
        var district = gateway.Client(GatewayFixture.SystemOf("DISTRICT"));
        await district.SendRequestAsync(BusinessDocuments.Appeal("first", Notice.NamespaceUri, Notice.RootElement), new SendOptions(To: "DISTRICT"), Token);
        await district.SendRequestAsync(BusinessDocuments.Appeal("second", Notice.NamespaceUri, Notice.RootElement), new SendOptions(To: "DISTRICT"), Token);
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync("SELECT count(*) FROM inbox WHERE recipient = 'VILLAGE_B'") == 2);
        var refusedId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());

        var strict = await gateway.StartNodeAsync("strict-node",
            new Dictionary<string, string?> { ["Exchange:Delivery:MaxWaitingMessagesPerRecipient"] = "1" });
        try
        {
            var fault = await Assert.ThrowsAsync<ExchangeUnavailableException>(() =>
                gateway.ClientOf(strict, GatewayFixture.SystemOf("DISTRICT")).SendRequestAsync(
                    BusinessDocuments.Appeal("third", Notice.NamespaceUri, Notice.RootElement), new SendOptions(refusedId, To: "DISTRICT"), Token));

            Assert.Equal("DestinationOverflow", fault.Element);
            Assert.Contains("VILLAGE_", fault.Message);
            Assert.Equal(0, await gateway.CountAsync(
                "SELECT count(*) FROM messages WHERE message_id = $1 OR broadcast_message_id = $1", refusedId));
        }
        finally
        {
            await strict.StopAsync(Token);
            await strict.DisposeAsync();
        }
    }
}
