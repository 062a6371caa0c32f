using Exchange.Adapters.Sdk;
using Exchange.Adapters.Sdk.Faults;
using Exchange.Gateway.Broker;
using Exchange.Protocol;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Gateway.Tests.Crash;

/// <summary>
/// The gateway's PostgreSQL or RabbitMQ dies by SIGKILL under a running gateway and is started again: every message
/// accepted is handed to its recipient exactly once, and nothing the recipient acknowledged is handed out again.
/// The test gateway gives up on a broker message after <see cref="GatewayFixture.BrokerDeliveryLimit"/> quick deliveries,
/// so the seconds a crashed server takes to come back weigh as much as a long outage would with the defaults.
/// </summary>
public sealed class ServerCrashTests(CrashFixture crash) : IClassFixture<CrashFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private GatewayFixture Gateway => crash.Gateway;

    [Fact]
    public async Task after_a_postgresql_crash_every_accepted_message_is_delivered_once_and_a_send_refused_meanwhile_can_be_sent_again()
    {
        var work = await CrashWithWorkInEveryStageAsync(crash.CrashPostgresAsync);
        var portal = Gateway.Client("PORTAL");
        var refusedId = MessageIds.NewVersion1(crash.Gateway.ClientTime.GetUtcNow());
        var send = () => portal.SendRequestAsync(BusinessDocuments.Appeal("while PostgreSQL is down"), new SendOptions(MessageId: refusedId), Token);
        try
        {
            var refused = await Assert.ThrowsAsync<ExchangeUnavailableException>(send);
            Assert.True(refused.IsRetryable);
        }
        finally
        {
            await crash.RestartAsync(Token);
        }
        work.Sent.Add((await send()).MessageId);
        // Leases live in PostgreSQL: what was taken before the crash is still the recipient's to acknowledge.
        await AcknowledgeAsync(work.Taken);

        await AssertEachDeliveredOnceAsync(work);
    }

    [Fact]
    public async Task after_a_rabbitmq_crash_every_accepted_message_is_delivered_once_including_those_accepted_while_it_was_down()
    {
        var work = await CrashWithWorkInEveryStageAsync(crash.CrashBrokerAsync);
        try
        {
            // Accepting and acknowledging need PostgreSQL only; the outbox keeps what cannot be published now.
            work.Sent.AddRange(await GatewayFixture.SendAppealsAsync(Gateway.Client("PORTAL"), 5, "while RabbitMQ is down"));
            await AcknowledgeAsync(work.Taken);
        }
        finally
        {
            await crash.RestartAsync(Token);
        }

        await AssertEachDeliveredOnceAsync(work);
    }

    [Fact]
    public async Task after_rabbitmq_closes_a_consumer_that_held_deliveries_too_long_readiness_names_it_and_every_message_is_delivered_once()
    {
        var portal = Gateway.Client("PORTAL");
        var sent = new List<Guid>();
        // The broker checks consumer timeouts on each channel tick (a minute by default).
        var earlier = await crash.SetBrokerSettingsAsync(
            new Dictionary<string, string?> { ["consumer_timeout"] = "2000", ["channel_tick_interval"] = "500" }, Token);
        try
        {
            await using (await InboxLock.TakeAsync(Gateway.ConnectionString, Token))
            {
                // Held by hand-overs waiting for the inbox, past the consumer timeout: the broker closes HEALTH's channel.
                sent.AddRange(await GatewayFixture.SendAppealsAsync(portal, 5, "held past the consumer timeout"));
                await Gateway.WaitUntilAsync(async () =>
                    (await BrokerMessages.BrokerReadinessAsync(Gateway.Services)).Description?.Contains("HEALTH", StringComparison.Ordinal) == true);
            }
        }
        finally
        {
            await crash.SetBrokerSettingsAsync(earlier, Token);
        }

        Assert.True(crash.ConsumesTestQueues());
        Assert.DoesNotContain("HEALTH", (await BrokerMessages.BrokerReadinessAsync(Gateway.Services)).Description ?? "", StringComparison.Ordinal);
        sent.AddRange(await GatewayFixture.SendAppealsAsync(portal, 2, "after the consumer came back"));
        await AssertEachDeliveredOnceAsync(new Work(sent, [], []));
    }

    [Fact]
    public async Task a_dead_lettered_message_is_still_in_the_dead_letter_queue_after_a_rabbitmq_crash()
    {
        var deadLettered = await BrokerMessages.CountAsync(Gateway.BrokerAddress, DeliveryTopology.DeadLetterQueue);
        var message = await BrokerMessages.MisroutedAsync(Gateway, crash.Gateway.ClientTime.GetUtcNow());
        await BrokerMessages.PublishAsync(Gateway.BrokerAddress, "PORTAL", message);
        await Gateway.WaitUntilAsync(async () =>
            await BrokerMessages.CountAsync(Gateway.BrokerAddress, DeliveryTopology.DeadLetterQueue) == deadLettered + 1);
        Assert.Equal(1, await Gateway.CountAsync($"SELECT count(*) FROM message_status WHERE message_id = '{message.MessageId}' AND status = 'failed'"));

        try
        {
            await crash.CrashBrokerAsync(Token);
        }
        finally
        {
            await crash.RestartAsync(Token);
        }

        // The queue answers once its quorum member has recovered its log.
        await Gateway.WaitUntilAsync(async () =>
        {
            try
            {
                return await BrokerMessages.CountAsync(Gateway.BrokerAddress, DeliveryTopology.DeadLetterQueue) == deadLettered + 1;
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException)
            {
                return false;
            }
        });
        await Gateway.WaitUntilAsync(() => Task.FromResult(crash.ConsumesTestQueues()));
    }

    /// <summary>Messages sent to HEALTH, and the ones among them it had taken (and acknowledged) when the server died.</summary>
    private sealed record Work(List<Guid> Sent, List<Guid> Acknowledged, List<Guid> Taken);

    /// <summary>
    /// Crashes a server while HEALTH has messages in every stage of delivery: acknowledged, taken but not acknowledged,
    /// waiting in its inbox, and held by RabbitMQ (more than the gateway's prefetch of 16, so some have been handed to
    /// the gateway's consumer, unacknowledged, and the rest are still queued).
    /// </summary>
    private async Task<Work> CrashWithWorkInEveryStageAsync(Func<CancellationToken, Task> crashServer)
    {
        var portal = Gateway.Client("PORTAL");
        var sent = await GatewayFixture.SendAppealsAsync(portal, 20, "before the crash");
        var acknowledged = await Gateway.TakeAsync("HEALTH", sent, 5);
        await AcknowledgeAsync(acknowledged);
        var taken = await Gateway.TakeAsync("HEALTH", sent, 3);
        await using (await InboxLock.TakeAsync(Gateway.ConnectionString, Token))
        {
            sent.AddRange(await GatewayFixture.SendAppealsAsync(portal, 20, "held by the broker"));
            await Gateway.WaitUntilAsync(async () =>
                await Gateway.CountAsync("SELECT count(*) FROM outbox WHERE published_at IS NULL AND message_id = ANY($1)", sent.ToArray()) == 0);
            await crashServer(Token);
        }
        return new Work(sent, acknowledged, taken);
    }

    private async Task AcknowledgeAsync(IEnumerable<Guid> messageIds)
    {
        var health = Gateway.Client("HEALTH");
        foreach (var messageId in messageIds)
        {
            await health.AckAsync(messageId, cancellationToken: Token);
        }
    }

    /// <summary>
    /// Takes and acknowledges the rest, then checks that HEALTH got each message once in all, and that each history says
    /// so: queued once (the inbox absorbed every second copy from the broker), delivered once, acknowledged.
    /// </summary>
    private async Task AssertEachDeliveredOnceAsync(Work work)
    {
        List<Guid> before = [.. work.Acknowledged, .. work.Taken];
        var received = await Gateway.ReceiveAllAsync("HEALTH", [.. work.Sent.Except(before)]);

        Assert.Equal(work.Sent.Order(), before.Concat(received).Where(work.Sent.Contains).Order());
        await Gateway.AssertNoneHandedOutAsync("HEALTH", work.Sent);
        var portal = Gateway.Client("PORTAL");
        foreach (var messageId in work.Sent)
        {
            var status = await portal.GetMessageStatusAsync(messageId, Token);
            Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], status.History.Select(h => h.Status));
        }
    }
}
