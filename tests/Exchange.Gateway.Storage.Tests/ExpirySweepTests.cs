using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>Each test uses recipients of its own; the sweep is drained to the end, so tests never see each other's work.</summary>
public sealed class ExpirySweepTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private ExpirySweep Sweep { get; } = new(fixture.DataSource);

    private async Task<AcceptedMessage> ArrivedAsync(string recipient, TimeSpan? lifetime)
    {
        var message = fixture.NewMessage(recipient) with { EndOfLife = fixture.Time.GetUtcNow() + lifetime };
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-a", Token);
        fixture.Time.Advance(TimeSpan.FromMilliseconds(1)); // leases go oldest first; equal arrival times would tie
        return message;
    }

    private async Task<int> SweepAllAsync(int batchSize = 100)
    {
        var total = 0;
        int expired;
        do
        {
            expired = await Sweep.ExpireBatchAsync(fixture.Time.GetUtcNow(), batchSize, "node-a", Token);
            total += expired;
        }
        while (expired == batchSize);
        return total;
    }

    private Task<LeasedMessage?> LeaseAsync(string recipient) =>
        fixture.Inbox.LeaseNextAsync(recipient, MessageKind.Request, null, null, fixture.Time.GetUtcNow(), Lease, recipient, Token);

    private async Task<IReadOnlyList<string>> StatusesAsync(Guid messageId) =>
        (await fixture.Messages.HistoryAsync(messageId, Token)).Select(h => h.Status).ToList();

    [Fact]
    public async Task a_message_past_its_eol_is_never_leased_even_before_the_sweep()
    {
        var message = await ArrivedAsync("E1", TimeSpan.FromHours(1));
        fixture.Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await LeaseAsync("E1"));
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Queued], await StatusesAsync(message.MessageId));
    }

    [Fact]
    public async Task the_sweep_expires_an_unacknowledged_message_once_and_tells_its_sender()
    {
        var message = await ArrivedAsync("E2", TimeSpan.FromHours(1));
        Assert.NotNull(await LeaseAsync("E2"));
        fixture.Time.Advance(TimeSpan.FromHours(2));

        await SweepAllAsync();
        var again = await SweepAllAsync();

        Assert.Equal(0, again);
        var history = await fixture.Messages.HistoryAsync(message.MessageId, Token);
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Queued, MessageStatus.Delivered, MessageStatus.Expired],
            history.Select(h => h.Status));
        Assert.Contains("EOL", history[^1].Reason);
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM status_events WHERE message_id = $1 AND participant = 'PORTAL' AND category = 'cancelled'", message.MessageId));
        Assert.Equal(AckOutcome.NotFound, await fixture.Inbox.AcknowledgeAsync("E2", message.MessageId, true, fixture.Time.GetUtcNow(), Token));
    }

    [Fact]
    public async Task an_acknowledged_message_and_one_without_eol_are_left_alone()
    {
        var acknowledged = await ArrivedAsync("E3", TimeSpan.FromHours(1));
        var endless = await ArrivedAsync("E3", lifetime: null);
        await LeaseAsync("E3");
        await fixture.Inbox.AcknowledgeAsync("E3", acknowledged.MessageId, true, fixture.Time.GetUtcNow(), Token);
        fixture.Time.Advance(TimeSpan.FromDays(3));

        await SweepAllAsync();

        Assert.Equal(MessageStatus.Acknowledged, (await StatusesAsync(acknowledged.MessageId))[^1]);
        Assert.Equal(MessageStatus.Queued, (await StatusesAsync(endless.MessageId))[^1]);
        Assert.Equal(endless.MessageId, (await LeaseAsync("E3"))!.Message.MessageId);
    }

    [Fact]
    public async Task a_message_that_reaches_the_inbox_after_its_eol_is_stored_expired_not_queued()
    {
        var message = fixture.NewMessage("E4") with { EndOfLife = fixture.Time.GetUtcNow() + TimeSpan.FromMinutes(1) };
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-a", Token));

        Assert.Equal([MessageStatus.Accepted, MessageStatus.Expired], await StatusesAsync(message.MessageId));
        Assert.Null(await LeaseAsync("E4"));
        // A sweep (which may find other tests' messages past their EOL now) does not expire it a second time.
        await SweepAllAsync();
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Expired], await StatusesAsync(message.MessageId));
    }

    [Fact]
    public async Task sweeps_running_at_once_on_several_nodes_expire_each_message_exactly_once()
    {
        var messages = new List<AcceptedMessage>();
        for (var i = 0; i < 40; i++)
        {
            messages.Add(await ArrivedAsync("E5", TimeSpan.FromMinutes(10)));
        }
        fixture.Time.Advance(TimeSpan.FromHours(1));
        // Messages of earlier tests may fall due in the same hour and be swept too: the sweeps' sum is compared with the
        // history rows they wrote, and this test's own messages must each have exactly one.
        const string ExpiredRows = "SELECT count(*) FROM message_status WHERE status = 'expired'";
        var before = await fixture.CountAsync(ExpiredRows);

        var expired = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SweepAllAsync(batchSize: 3), Token)));

        Assert.Equal(expired.Sum(), await fixture.CountAsync(ExpiredRows) - before);
        Assert.Equal(messages.Count, await fixture.CountAsync(
            "SELECT count(*) FROM message_status WHERE message_id = ANY($1) AND status = 'expired'", messages.Select(m => m.MessageId).ToArray()));
        Assert.Equal(messages.Count, await fixture.CountAsync(
            "SELECT count(DISTINCT message_id) FROM message_status WHERE message_id = ANY($1) AND status = 'expired'", messages.Select(m => m.MessageId).ToArray()));
    }

    [Fact]
    public async Task the_waiting_count_stops_at_the_limit_and_ignores_acknowledged_and_expired_messages()
    {
        await ArrivedAsync("E6", lifetime: null);
        await ArrivedAsync("E6", TimeSpan.FromHours(1));
        await ArrivedAsync("E6", lifetime: null);

        Assert.True(await fixture.Inbox.HasMoreWaitingThanAsync("E6", 2, Token));
        var leased = await LeaseAsync("E6");
        await fixture.Inbox.AcknowledgeAsync("E6", leased!.Message.MessageId, true, fixture.Time.GetUtcNow(), Token);
        Assert.False(await fixture.Inbox.HasMoreWaitingThanAsync("E6", 2, Token));
        Assert.True(await fixture.Inbox.HasMoreWaitingThanAsync("E6", 1, Token));

        fixture.Time.Advance(TimeSpan.FromHours(2));
        await SweepAllAsync();
        Assert.False(await fixture.Inbox.HasMoreWaitingThanAsync("E6", 1, Token));
    }

    [Fact]
    public async Task the_waiting_count_reads_one_recipients_range_of_a_waiting_index_and_never_the_table()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync(Token);
        // The test tables are tiny, so the planner would rather scan them; forbid that to see whether the index fits.
        await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync(Token);
        }
        await using var explain = new Npgsql.NpgsqlCommand(
            "EXPLAIN " + Inbox.MoreWaitingThanSql.Replace("$1", "'E7'", StringComparison.Ordinal).Replace("$2", "100000", StringComparison.Ordinal), connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                plan.Add(reader.GetString(0));
            }
        }

        // Which of the two waiting indexes the planner picks depends on statistics; either reads one recipient's range.
        Assert.Contains(plan, line => line.Contains("Index Cond: (recipient = 'E7'", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }
}
