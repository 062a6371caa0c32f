using Exchange.Adapters.Sdk;
using Exchange.Gateway.Expiry;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Requests past their EOL: never handed out, expired once in history and status stream, by the sweep run directly
/// and by the clustered Quartz scheduler on the test's own database. Time moves only through the fixture's clock.
/// </summary>
public sealed class ExpiryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<Guid> SendQueuedAsync(string text, TimeSpan lifetime)
    {
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal(text),
            new SendOptions(EndOfLife: gateway.Clock.GetUtcNow() + lifetime), Token);
        await gateway.WaitUntilAsync(async () => (await HistoryAsync(sent.MessageId)).Contains("queued"));
        return sent.MessageId;
    }

    /// <summary>The sweep trigger's row as the scheduler left it, against the gateway's clock, for a failure message.</summary>
    private async Task<string> SchedulerStateAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(gateway.ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new Npgsql.NpgsqlCommand("""
            SELECT trigger_state || ' next ' || coalesce(next_fire_time::text, '-') || ' prev ' || coalesce(prev_fire_time::text, '-')
                   || ' fired ' || (SELECT count(*) FROM qrtz_fired_triggers) || ' runs ' || (SELECT count(*) FROM qrtz_execution_history)
            FROM qrtz_triggers WHERE trigger_name = 'expiry-sweep'
            """, connection);
        return $"Clock {gateway.Clock.GetUtcNow().UtcTicks} ticks; trigger {await command.ExecuteScalarAsync(Token)}";
    }

    private async Task<IReadOnlyList<string>> HistoryAsync(Guid messageId) =>
        (await gateway.Client("PORTAL").GetMessageStatusAsync(messageId, Token)).History.Select(h => h.Status).ToList();

    [Fact]
    public async Task a_request_past_its_eol_is_not_handed_out_and_the_sweep_expires_it_once()
    {
        var messageId = await SendQueuedAsync("expires unread", TimeSpan.FromHours(1));
        gateway.Clock.Advance(TimeSpan.FromHours(2));

        await gateway.AssertNoneHandedOutAsync("HEALTH", [messageId], GatewayFixture.Appeal);
        var expiry = gateway.Services.GetRequiredService<MessageExpiry>();
        await expiry.ExpireDueAsync(Token);
        await expiry.ExpireDueAsync(Token);

        Assert.Equal(["accepted", "queued", "expired"], await HistoryAsync(messageId));
        Assert.Equal(1, await gateway.CountAsync(
            $"SELECT count(*) FROM status_events WHERE message_id = '{messageId}' AND participant = 'PORTAL' AND category = 'cancelled'"));
        await gateway.AssertNoneHandedOutAsync("HEALTH", [messageId], GatewayFixture.Appeal);
    }

    [Fact]
    public async Task a_message_delivered_but_not_acknowledged_by_its_eol_can_no_longer_be_acknowledged()
    {
        var messageId = await SendQueuedAsync("taken, never acknowledged", TimeSpan.FromHours(1));
        var received = await gateway.ReceiveAsync("HEALTH", messageId, type: GatewayFixture.Appeal);
        gateway.Clock.Advance(TimeSpan.FromHours(2));

        var fault = await Assert.ThrowsAsync<Adapters.Sdk.Faults.ExchangeRoutingFaultException>(() =>
            gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token));

        Assert.Equal("TargetMessageIsNotFound", fault.Element);
    }

    [Fact]
    public async Task the_clustered_scheduler_fires_the_sweep_on_its_own_from_the_tests_database()
    {
        var messageId = await SendQueuedAsync("the scheduler expires this", TimeSpan.FromMinutes(30));

        gateway.Clock.Advance(TimeSpan.FromHours(1));

        // Nobody runs the sweep here: only the scheduler's trigger, persisted in this test database, can expire it. Time
        // goes on passing, a second a look, as it does for a real scheduler: one jump alone can land while the scheduler
        // holds a trigger it acquired for just after the time it read, which a clock that then stands never reaches.
        await gateway.WaitUntilAsync(async () =>
        {
            gateway.Clock.Advance(TimeSpan.FromSeconds(1));
            return (await HistoryAsync(messageId))[^1] == "expired";
        }, SchedulerStateAsync);
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM qrtz_triggers WHERE sched_name = 'exchange-gateway' AND trigger_name = 'expiry-sweep'"));
        Assert.Equal(1, await gateway.CountAsync(
            "SELECT count(*) FROM qrtz_scheduler_state WHERE sched_name = 'exchange-gateway' AND instance_name = 'test-node'"));
    }
}
