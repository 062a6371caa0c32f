using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>Each test uses a recipient of its own, so tests in the shared database never see each other's messages.</summary>
public sealed class InboxTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<AcceptedMessage> ArrivedAsync(string recipient, string rootElement = "Appeal")
    {
        var message = fixture.NewMessage(recipient, rootElement);
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-a", Token);
        return message;
    }

    private Task<LeasedMessage?> LeaseAsync(string recipient, string? rootElement = null) =>
        fixture.Inbox.LeaseNextAsync(recipient, MessageKind.Request, rootElement is null ? null : "urn:test", rootElement,
            fixture.Time.GetUtcNow(), Lease, recipient, Token);

    [Fact]
    public async Task a_duplicate_broker_delivery_adds_nothing()
    {
        var message = await ArrivedAsync("R1");

        Assert.False(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-b", Token));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM inbox WHERE recipient = 'R1'"));
        var history = await fixture.Messages.HistoryAsync(message.MessageId, Token);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Queued], history.Select(h => h.Status));
        Assert.Equal("node-a", history[1].Actor);
    }

    [Fact]
    public async Task an_undeliverable_message_given_up_by_several_nodes_at_once_is_recorded_failed_once()
    {
        var message = fixture.NewMessage("R_GIVEN_UP");
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(node =>
            fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), $"node-{node}", Token)));

        var history = await fixture.Messages.HistoryAsync(message.MessageId, Token);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed], history.Select(h => h.Status));
    }

    [Fact]
    public async Task a_message_that_reached_the_inbox_after_all_is_not_recorded_failed()
    {
        var message = await ArrivedAsync("R_ARRIVED");

        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), "node-b", Token);

        var history = await fixture.Messages.HistoryAsync(message.MessageId, Token);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Queued], history.Select(h => h.Status));
    }

    [Fact]
    public async Task a_delivery_naming_no_accepted_message_fails_and_stores_nothing()
    {
        var stray = new RelayedMessage(Guid.NewGuid(), "R_STRAY");

        await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Inbox.StoreAsync(stray, fixture.Time.GetUtcNow(), "node-a", Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.Inbox.RecordUndeliverableAsync(stray, "undeliverable", fixture.Time.GetUtcNow(), "node-a", Token));

        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM inbox WHERE recipient = 'R_STRAY'"));
        Assert.Empty(await fixture.Messages.HistoryAsync(stray.MessageId, Token));
    }

    [Fact]
    public async Task a_response_and_a_broadcast_copy_reach_the_get_their_stored_kind_names_with_the_broadcasts_files()
    {
        var request = fixture.NewMessage("R_KINDS_ASKED");
        await fixture.Messages.AcceptAsync(request, "PORTAL", Token);
        var response = fixture.NewMessage("R_KINDS") with { Kind = MessageKind.Response, OriginalMessageId = request.MessageId };
        await fixture.Messages.AcceptAsync(response, "PORTAL", Token);
        byte[] file = [7, 7, 7];
        var broadcast = fixture.NewMessage("R_KINDS") with
        {
            Kind = MessageKind.Broadcast,
            Attachments = [new AcceptedAttachment("notice", "text/plain", file.Length, System.Security.Cryptography.SHA256.HashData(file), file)],
        };
        var copy = fixture.NewMessage("R_KINDS") with { Kind = MessageKind.Broadcast };
        await fixture.Messages.AcceptAsync(broadcast, "PORTAL", Token, copies: [copy]);

        Assert.True(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(response), fixture.Time.GetUtcNow(), "node-a", Token));
        Assert.True(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(copy), fixture.Time.GetUtcNow(), "node-a", Token));

        var leasedResponse = await fixture.Inbox.LeaseNextAsync("R_KINDS", MessageKind.Response, null, null, fixture.Time.GetUtcNow(),
            Lease, "R_KINDS", Token);
        Assert.Equal(response.MessageId, leasedResponse!.Message.MessageId);
        var leasedCopy = await LeaseAsync("R_KINDS");
        Assert.Equal(copy.MessageId, leasedCopy!.Message.MessageId);
        Assert.Equal(file, Assert.Single(leasedCopy.Message.Attachments).Content);
    }

    [Fact]
    public async Task the_oldest_message_is_delivered_first_and_recorded_as_delivered()
    {
        var first = await ArrivedAsync("R3");
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        var second = await ArrivedAsync("R3");

        var leased = await LeaseAsync("R3");

        Assert.Equal(first.MessageId, leased!.Message.MessageId);
        Assert.Equal(1, leased.DeliveryCount);
        Assert.Equal(MessageStatus.Delivered, (await fixture.Messages.HistoryAsync(first.MessageId, Token))[^1].Status);
        Assert.Equal(second.MessageId, (await LeaseAsync("R3"))!.Message.MessageId);
        Assert.Null(await LeaseAsync("R3"));
    }

    [Fact]
    public async Task the_selector_takes_only_messages_of_its_type()
    {
        await ArrivedAsync("R4", "Appeal");
        var appointment = await ArrivedAsync("R4", "Appointment");

        Assert.Equal(appointment.MessageId, (await LeaseAsync("R4", "Appointment"))!.Message.MessageId);
        Assert.Null(await LeaseAsync("R4", "Appointment"));
    }

    [Fact]
    public async Task a_message_not_acknowledged_within_its_lease_is_delivered_again()
    {
        var message = await ArrivedAsync("R5");
        await LeaseAsync("R5");
        Assert.Null(await LeaseAsync("R5"));

        fixture.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var again = await LeaseAsync("R5");

        Assert.Equal(message.MessageId, again!.Message.MessageId);
        Assert.Equal(2, again.DeliveryCount);
        Assert.Contains("redelivery 2", (await fixture.Messages.HistoryAsync(message.MessageId, Token))[^1].Reason);
    }

    [Fact]
    public async Task an_acknowledged_message_is_never_delivered_again()
    {
        var message = await ArrivedAsync("R6");
        await LeaseAsync("R6");

        Assert.Equal(AckOutcome.Acknowledged, await fixture.Inbox.AcknowledgeAsync("R6", message.MessageId, true, fixture.Time.GetUtcNow(), Token));
        fixture.Time.Advance(Lease * 3);

        Assert.Null(await LeaseAsync("R6"));
        Assert.Equal(MessageStatus.Acknowledged, (await fixture.Messages.HistoryAsync(message.MessageId, Token))[^1].Status);
    }

    [Fact]
    public async Task a_second_ack_changes_nothing()
    {
        var message = await ArrivedAsync("R7");
        await LeaseAsync("R7");
        await fixture.Inbox.AcknowledgeAsync("R7", message.MessageId, true, fixture.Time.GetUtcNow(), Token);

        Assert.Equal(AckOutcome.AlreadyAcknowledged, await fixture.Inbox.AcknowledgeAsync("R7", message.MessageId, true, fixture.Time.GetUtcNow(), Token));
        Assert.Single(await fixture.Messages.HistoryAsync(message.MessageId, Token), h => h.Status == MessageStatus.Acknowledged);
    }

    [Fact]
    public async Task a_message_not_yet_delivered_or_of_another_recipient_cannot_be_acknowledged()
    {
        var message = await ArrivedAsync("R8");

        Assert.Equal(AckOutcome.NotFound, await fixture.Inbox.AcknowledgeAsync("R8", message.MessageId, true, fixture.Time.GetUtcNow(), Token));
        await LeaseAsync("R8");
        Assert.Equal(AckOutcome.NotFound, await fixture.Inbox.AcknowledgeAsync("OTHER", message.MessageId, true, fixture.Time.GetUtcNow(), Token));
        Assert.Equal(AckOutcome.NotFound, await fixture.Inbox.AcknowledgeAsync("R8", Guid.NewGuid(), true, fixture.Time.GetUtcNow(), Token));
    }

    [Fact]
    public async Task an_ack_refusing_the_gateway_signature_is_recorded_as_rejected_and_ends_delivery()
    {
        var message = await ArrivedAsync("R9");
        await LeaseAsync("R9");

        await fixture.Inbox.AcknowledgeAsync("R9", message.MessageId, false, fixture.Time.GetUtcNow(), Token);
        fixture.Time.Advance(Lease * 2);

        Assert.Null(await LeaseAsync("R9"));
        var last = (await fixture.Messages.HistoryAsync(message.MessageId, Token))[^1];
        Assert.Equal(MessageStatus.Rejected, last.Status);
        Assert.Contains("accepted=false", last.Reason);
    }

    [Fact]
    public async Task concurrent_getters_never_receive_the_same_message()
    {
        for (var i = 0; i < 30; i++)
        {
            await ArrivedAsync("R10");
        }

        var leases = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => LeaseAsync("R10")));

        var delivered = leases.Where(l => l is not null).Select(l => l!.Message.MessageId).ToList();
        Assert.Equal(30, delivered.Count);
        Assert.Equal(30, delivered.Distinct().Count());
    }
}
