using System.Net.Http.Json;
using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;
using Exchange.Protocol.Xml;

namespace Exchange.Gateway.Tests;

public sealed class MessageFlowTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_request_goes_from_sender_to_provider_and_its_history_shows_every_step()
    {
        var portal = gateway.Client("PORTAL");
        var health = gateway.Client("HEALTH");

        var metadata = await portal.SendRequestAsync(BusinessDocuments.Appeal("The clinic in Sosnovo is closed on Saturdays"), cancellationToken: Token);
        Assert.Equal("requestIsQueued", metadata.Status);
        Assert.Equal("PORTAL", metadata.Sender!.Mnemonic);
        Assert.Equal("HEALTH", metadata.Recipient!.Mnemonic);

        var received = await gateway.ReceiveAsync("HEALTH", metadata.MessageId);
        Assert.Equal("The clinic in Sosnovo is closed on Saturdays", received.BusinessContent.InnerText);
        Assert.Equal("messageIsDelivered", received.Metadata.Status);
        Assert.NotNull(received.Metadata.DeliveryTimestamp);
        Assert.False(string.IsNullOrEmpty(received.ReplyTo));

        await health.AckAsync(received.MessageId, cancellationToken: Token);

        var status = await portal.GetMessageStatusAsync(metadata.MessageId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], status.History.Select(h => h.Status));
        Assert.Equal("acknowledged", status.Status);
        Assert.Equal("HEALTH", status.History[^1].Actor);
    }

    [Fact]
    public async Task a_request_of_a_type_with_an_answer_deadline_shows_when_its_answer_is_due()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("due in thirty days"), cancellationToken: Token);

        var status = await gateway.Admin().GetFromJsonAsync<System.Text.Json.JsonElement>(
            new Uri(gateway.BaseAddress, $"/api/messages/{sent.MessageId}/status"), Token);

        // The test directory gives the type 30 calendar days. Sent on Monday 2 September 2030 (the test clock), the period
        // ends with Wednesday 2 October, a working day: at the Moscow midnight that follows it.
        Assert.Equal(GatewayFixture.Start, sent.SendingTimestamp);
        Assert.Equal(new DateTimeOffset(2030, 10, 3, 0, 0, 0, TimeSpan.FromHours(3)), status.GetProperty("answerDueAt").GetDateTimeOffset());
        Assert.False(status.GetProperty("isOverdue").GetBoolean());
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_citizen_appeal_that_satisfies_its_schema_is_accepted_and_delivered()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.CitizenAppeal("The bus stop in Sosnovo is gone"), cancellationToken: Token);

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId, type: GatewayFixture.CitizenAppeal);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        Assert.Equal("CitizenAppeal", received.BusinessContent.LocalName);
    }

    [Fact]
    public async Task the_sender_signature_travels_to_the_recipient_unchanged()
    {
        var sent = BusinessDocuments.Appeal("signed content");
        var metadata = await gateway.Client("PORTAL").SendRequestAsync(sent, cancellationToken: Token);

        var received = await gateway.ReceiveAsync("HEALTH", metadata.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        Assert.Equal("SIGNED_BY_CONSUMER", received.RequestData.GetAttribute("Id"));
        Assert.Equal(sent.OuterXml, received.BusinessContent.OuterXml);
    }

    [Fact]
    public async Task an_acknowledged_message_is_not_handed_out_again()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("once"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        await gateway.AssertNoneHandedOutAsync("HEALTH", [sent.MessageId]);
    }

    [Fact]
    public async Task a_request_sent_again_with_the_same_id_and_content_is_answered_with_the_original_metadata()
    {
        var portal = gateway.Client("PORTAL");
        var id = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var content = BusinessDocuments.Appeal("sent twice after a lost answer");

        var first = await portal.SendRequestAsync(content, new SendOptions(id), Token);
        var second = await portal.SendRequestAsync(content, new SendOptions(id), Token);

        Assert.Equal(first.SendingTimestamp, second.SendingTimestamp);
        Assert.Equal(1, await gateway.CountAsync($"SELECT count(*) FROM messages WHERE message_id = '{id}'"));
        var received = await gateway.ReceiveAsync("HEALTH", id);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        await gateway.AssertNoneHandedOutAsync("HEALTH", [id]);
    }

    [Fact]
    public async Task a_different_request_under_a_used_id_is_refused()
    {
        var portal = gateway.Client("PORTAL");
        var id = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        await portal.SendRequestAsync(BusinessDocuments.Appeal("first"), new SendOptions(id), Token);

        var fault = await Assert.ThrowsAsync<ExchangeMessageIdFaultException>(() =>
            portal.SendRequestAsync(BusinessDocuments.Appeal("second"), new SendOptions(id), Token));

        Assert.Equal("MessageIsAlreadySent", fault.Element);
        Assert.True(fault.IsAlreadySent);
        var received = await gateway.ReceiveAsync("HEALTH", id);
        Assert.Equal("first", received.BusinessContent.InnerText);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_test_message_stays_marked_as_test_at_the_recipient()
    {
        var metadata = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("test"), new SendOptions(IsTest: true), Token);

        var received = await gateway.ReceiveAsync("HEALTH", metadata.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);

        Assert.True(received.IsTest);
        var status = await gateway.Admin().GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/messages/{metadata.MessageId}/status", Token);
        Assert.True(status.GetProperty("isTest").GetBoolean());
    }

    [Fact]
    public async Task acking_a_message_never_delivered_is_refused()
    {
        var fault = await Assert.ThrowsAnyAsync<ExchangeFaultException>(() =>
            gateway.Client("HEALTH").AckAsync(MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow()), cancellationToken: Token));
        Assert.Equal("TargetMessageIsNotFound", fault.Element);
    }

    [Fact]
    public async Task the_selector_hands_out_only_messages_of_its_type()
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("not a citizen appeal"), cancellationToken: Token);
        // Wait until it is in HEALTH's inbox, so that its absence below means "filtered", not "not arrived yet".
        await gateway.WaitUntilAsync(async () => await gateway.CountAsync("SELECT count(*) FROM inbox WHERE message_id = $1", sent.MessageId) == 1);

        // Citizen appeals that other tests left may come; the appeal waiting among them must not, nor any other type.
        var citizenAppeals = await gateway.DrainRequestsAsync("HEALTH", GatewayFixture.CitizenAppeal);
        Assert.DoesNotContain(sent.MessageId, citizenAppeals.Select(r => r.MessageId));
        Assert.All(citizenAppeals, r => Assert.Equal(GatewayFixture.CitizenAppeal.RootElement, r.BusinessContent.LocalName));

        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId, type: GatewayFixture.Appeal);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
    }

    [Fact]
    public async Task a_selector_for_a_type_the_caller_does_not_provide_is_refused()
    {
        var fault = await Assert.ThrowsAsync<ExchangeRoutingFaultException>(() =>
            gateway.Client("HEALTH").GetRequestAsync(new Protocol.Messages.MessageType("urn:other", "Other"), Token));
        Assert.Equal("UnknownMessageType", fault.Element);
    }
}
