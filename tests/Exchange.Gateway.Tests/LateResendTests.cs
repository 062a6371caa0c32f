using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A sender that lost the answer may resend for days (MEDO's delivery horizon is 72 hours), long after its MessageID left
/// the two-day window for new messages: it gets its original answer, not StaleMessageId. Moves its fixture's clock.
/// </summary>
public sealed class LateResendTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_request_resent_three_days_later_is_answered_with_its_original_metadata_and_a_new_one_of_that_age_is_stale()
    {
        var portal = gateway.Client("PORTAL");
        var id = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var neverSent = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var content = BusinessDocuments.Appeal("resent after a long outage");
        var first = await portal.SendRequestAsync(content, new SendOptions(id), Token);

        gateway.Clock.Advance(TimeSpan.FromHours(72));
        var resent = await portal.SendRequestAsync(content, new SendOptions(id), Token);
        var fault = await Assert.ThrowsAsync<ExchangeMessageIdFaultException>(() =>
            portal.SendRequestAsync(content, new SendOptions(neverSent), Token));

        Assert.Equal(id, resent.MessageId);
        Assert.Equal(first.SendingTimestamp, resent.SendingTimestamp);
        Assert.Equal("StaleMessageId", fault.Element);
        Assert.Equal(1, await gateway.CountAsync($"SELECT count(*) FROM messages WHERE message_id = '{id}'"));
    }
}
