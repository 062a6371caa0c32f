using System.Net.Http.Json;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>
/// Routing and authorization end to end, with the directory changed through the admin API while the gateway runs:
/// every participant here is added by the test itself, and reached without a restart.
/// </summary>
public sealed class DirectoryRoutingTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly MessageType Letter = new("urn://exchange.test/letter/1.0", "Letter");
    private static readonly MessageType LandPlot = new("urn://exchange.test/land/1.0", "LandPlot");
    private static readonly MessageType Notice = new("urn://exchange.test/notice/1.0", "SettlementNotice");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DirectoryAdmin Admin() => new(gateway, gateway.Admin());

    private static System.Xml.XmlElement Document(MessageType type, string text) =>
        BusinessDocuments.Appeal(text, type.NamespaceUri, type.RootElement);

    /// <summary>The next request of a participant the test added itself (a broadcast copy's id is the gateway's to choose).</summary>
    private async Task<ReceivedRequest> ReceiveAsync(string participant) => await gateway.ReceiveAsync(GatewayFixture.SystemOf(participant));

    [Fact]
    public async Task a_participant_added_at_run_time_is_reached_by_name_and_its_queue_is_consumed_without_a_restart()
    {
        var admin = Admin();
        await admin.AddParticipantAsync("KIT", "regional_body");
        await admin.AddTypeAsync(Letter);
        await admin.AddPermissionAsync(Letter, sender: null, recipients: "any");

        var sent = await gateway.Client("PORTAL").SendRequestAsync(Document(Letter, "On the new EDMS"), new SendOptions(To: "KIT"), Token);

        Assert.Equal("KIT", sent.Recipient!.Mnemonic);
        var received = await gateway.ReceiveAsync(GatewayFixture.SystemOf("KIT"), sent.MessageId);
        await gateway.Client(GatewayFixture.SystemOf("KIT")).AckAsync(received.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_land_plot_application_filed_for_a_settlement_reaches_its_districts_administration()
    {
        var admin = Admin();
        await admin.AddParticipantAsync("PRIOZERSK", "district");
        await admin.AddParticipantAsync("SOSNOVSKOYE", "settlement", parent: "PRIOZERSK");
        await admin.AddTypeAsync(LandPlot);
        await admin.AddProviderAsync(LandPlot, "PRIOZERSK", territory: "PRIOZERSK");
        await admin.AddPermissionAsync(LandPlot, sender: "PORTAL", recipients: "provider");

        var sent = await gateway.Client("PORTAL").SendRequestAsync(Document(LandPlot, "Plot 47:03:1234"), new SendOptions(Territory: "SOSNOVSKOYE"), Token);

        Assert.Equal("PRIOZERSK", sent.Recipient!.Mnemonic);
        var received = await gateway.ReceiveAsync(GatewayFixture.SystemOf("PRIOZERSK"), sent.MessageId);
        await gateway.Client(GatewayFixture.SystemOf("PRIOZERSK")).AckAsync(received.MessageId, cancellationToken: Token);
        var history = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Contains("territory of SOSNOVSKOYE", history.History[0].Reason);

        // The settlement itself does not take land-plot applications, and others than the portal may not file them.
        var denied = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("HEALTH").SendRequestAsync(Document(LandPlot, "not mine to file"), new SendOptions(Territory: "SOSNOVSKOYE"), Token));
        Assert.Equal("AccessDenied", denied.Element);
    }

    [Fact]
    public async Task a_broadcast_fans_out_into_one_tracked_copy_per_settlement_linked_to_the_original()
    {
        var admin = Admin();
        await admin.AddParticipantAsync("LUGA", "district");
        await admin.AddParticipantAsync("TOLMACHEVO", "settlement", parent: "LUGA");
        await admin.AddParticipantAsync("SEREBRYANSKOYE", "settlement", parent: "LUGA");
        await admin.AddTypeAsync(Notice, kind: "broadcast", broadcastLevel: "settlement");
        await admin.AddPermissionAsync(Notice, sender: "LUGA", recipients: "participant", recipient: "LUGA");

        var luga = gateway.Client(GatewayFixture.SystemOf("LUGA"));
        var map = new Adapters.Sdk.Attachments.OutgoingAttachment("map", "image/png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 });
        var sent = await luga.SendRequestAsync(Document(Notice, "Flood warning"), new SendOptions(To: "LUGA", Attachments: [map]), Token);

        Assert.Equal(MessageKind.Broadcast, sent.Kind);
        var first = await ReceiveAsync("TOLMACHEVO");
        var second = await ReceiveAsync("SEREBRYANSKOYE");
        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.Equal(MessageKind.Broadcast, first.Metadata.Kind);
        Assert.Equal("Flood warning", first.BusinessContent.InnerText);
        Assert.All(new[] { first, second }, copy => Assert.Equal(map.Content.ToArray(), Assert.Single(copy.Attachments).Content.ToArray()));
        // The file is stored once, under the broadcast; its copies deliver it from there.
        Assert.Equal(1, await gateway.CountAsync($"SELECT count(*) FROM message_attachments WHERE message_id = '{sent.MessageId}'"));
        Assert.Equal(0, await gateway.CountAsync($"""
            SELECT count(*) FROM message_attachments a JOIN messages m ON m.message_id = a.message_id
            WHERE m.broadcast_message_id = '{sent.MessageId}'
            """));
        await gateway.Client(GatewayFixture.SystemOf("TOLMACHEVO")).AckAsync(first.MessageId, cancellationToken: Token);

        var original = await gateway.Admin().GetFromJsonAsync<System.Text.Json.JsonElement>(
            new Uri(gateway.BaseAddress, $"/api/messages/{sent.MessageId}/status"), Token);
        var copies = original.GetProperty("copies").EnumerateArray()
            .Select(c => (c.GetProperty("messageId").GetGuid(), c.GetProperty("status").GetString())).ToList();
        Assert.Equal([(second.MessageId, "delivered"), (first.MessageId, "acknowledged")], copies);   // by recipient

        // The sender sees the same through GetMessageStatus of what it sent, and each copy's history by the copy's id.
        var overview = await luga.GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Equal(["SEREBRYANSKOYE", "TOLMACHEVO"], overview.Copies.Select(c => c.Recipient));
        Assert.Equal(["delivered", "acknowledged"], overview.Copies.Select(c => c.Status));
        var acked = await luga.GetMessageStatusAsync(overview.Copies[1].MessageId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], acked.History.Select(h => h.Status));
        Assert.Empty(acked.Copies);

        // The sender's status stream speaks of the broadcast it sent, naming each copy and its recipient.
        var events = await gateway.TakeStatusEventsAsync(GatewayFixture.SystemOf("LUGA"));
        Assert.All(events, e => Assert.Equal(sent.MessageId, e.OriginalMessageId));
        var queued = events.Where(e => e.StatusCategory == "requestIsQueued").Select(e => e.Details).ToList();
        Assert.Equal(2, queued.Count);
        Assert.Contains(queued, d => d!.StartsWith($"copy {first.MessageId} for TOLMACHEVO", StringComparison.Ordinal));
        Assert.Contains(queued, d => d!.StartsWith($"copy {second.MessageId} for SEREBRYANSKOYE", StringComparison.Ordinal));
        var delivered = Assert.Single(events, e => e.StatusCategory == "messageIsDelivered");
        Assert.StartsWith($"copy {first.MessageId} for TOLMACHEVO", delivered.Details);

        // Only the district itself may address its settlements.
        var denied = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("HEALTH").SendRequestAsync(Document(Notice, "not yours"), new SendOptions(To: "LUGA"), Token));
        Assert.Equal("AccessDenied", denied.Element);
    }

    [Fact]
    public async Task an_unknown_recipient_and_an_unregistered_type_are_refused_and_nothing_is_stored()
    {
        await Admin().AddTypeAsync(Letter);
        Guid[] refusedIds = [MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()), MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow())];

        var unknown = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(Document(Letter, "to nobody"), new SendOptions(refusedIds[0], To: "NOBODY"), Token));
        var unregistered = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("PORTAL").SendRequestAsync(Document(new MessageType("urn://exchange.test/none/1.0", "Nothing"), "?"), new SendOptions(refusedIds[1]), Token));

        Assert.Equal("RecipientIsNotFound", unknown.Element);
        Assert.Equal("BusinessDataTypeIsNotSupported", unregistered.Element);
        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = ANY($1)", refusedIds));
    }
}
