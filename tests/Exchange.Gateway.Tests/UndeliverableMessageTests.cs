using Exchange.Domain.Messages;
using Exchange.Gateway.Broker;
using Exchange.Gateway.Delivery;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A message that the inbox can never take goes, as the broker's delivery limit says, to the dead-letter queue — and
/// does not fall silent there: its history records <c>failed</c> with the cause, and its sender hears <c>cancelled</c>.
/// </summary>
public sealed class UndeliverableMessageTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_message_the_inbox_cannot_take_is_recorded_failed_its_sender_told_and_the_broker_keeps_it()
    {
        var message = await BrokerMessages.MisroutedAsync(gateway, gateway.Clock.GetUtcNow());
        var messageId = message.MessageId;
        await BrokerMessages.PublishAsync(gateway.BrokerAddress, "PORTAL", message);

        await gateway.WaitUntilAsync(async () =>
            await gateway.CountAsync($"SELECT count(*) FROM message_status WHERE message_id = '{messageId}' AND status = 'failed'") == 1);
        var portal = gateway.Client("PORTAL");
        var status = await portal.GetMessageStatusAsync(messageId, Token);
        Assert.Equal(MessageStatus.Failed, status.Status);
        // Participants read why in general terms; the cause (here: the wrong queue) is for operators, in the log.
        Assert.Equal(InboxWriter.UndeliverableReason, status.History[^1].Reason);

        var cancelled = Assert.Single(await gateway.TakeStatusEventsAsync("PORTAL"), e => e.OriginalMessageId == messageId);
        Assert.Equal("cancelled", cancelled.StatusCategory);
        await gateway.WaitUntilAsync(async () => (await BrokerMessages.DeadLetteredAsync(gateway.BrokerAddress)).Contains(messageId.ToString()));
    }
}
