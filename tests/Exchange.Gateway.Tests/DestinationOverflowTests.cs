using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Protocol;

namespace Exchange.Gateway.Tests;

/// <summary>A recipient with more messages waiting than a node allows: that node refuses new ones and stores nothing.</summary>
public sealed class DestinationOverflowTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_send_to_a_full_queue_is_refused_with_destination_overflow_and_a_resend_is_still_answered()
    {
        var first = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("one"), cancellationToken: Token);
        var second = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("two"), cancellationToken: Token);
        // Two of its own waiting are more than the strict node's one, whatever other tests leave in HEALTH's queue.
        await gateway.WaitUntilAsync(async () =>
            await gateway.CountAsync("SELECT count(*) FROM inbox WHERE message_id = ANY($1)", new[] { first.MessageId, second.MessageId }) == 2);
        var refusedId = MessageIds.NewVersion1(gateway.ClientTime.GetUtcNow());
        var strict = await gateway.StartNodeAsync("strict-node",
            new Dictionary<string, string?> { ["Exchange:Delivery:MaxWaitingMessagesPerRecipient"] = "1" });
        try
        {
            var fault = await Assert.ThrowsAsync<ExchangeUnavailableException>(() =>
                gateway.ClientOf(strict, "PORTAL").SendRequestAsync(BusinessDocuments.Appeal("three"), new SendOptions(refusedId), Token));
            var resend = await gateway.ClientOf(strict, "PORTAL").SendRequestAsync(BusinessDocuments.Appeal("one"),
                new SendOptions(MessageId: first.MessageId), Token);

            Assert.Equal("DestinationOverflow", fault.Element);
            Assert.Equal("soap:Server", fault.FaultCode);
            Assert.Equal("EXCHANGE-503-DESTINATION-OVERFLOW", fault.Code);
            Assert.True(fault.IsRetryable);
            Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1", refusedId));
            Assert.Equal(1, await gateway.CountAsync("SELECT count(*) FROM messages WHERE message_id = $1", first.MessageId));
            Assert.Equal(first.SendingTimestamp, resend.SendingTimestamp);
        }
        finally
        {
            await strict.StopAsync(Token);
            await strict.DisposeAsync();
        }
    }
}
