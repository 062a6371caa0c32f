using Exchange.Domain.Audit;
using Exchange.Domain.Messages;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Messages;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>
/// An operator's requeue and discard of failed messages: only from <c>failed</c>, one winner, the history entry, the
/// audit row and (for a requeue) a new delivery through the outbox and the inbox. Each test uses recipients of its own.
/// </summary>
public sealed class FailedMessagesTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private const string Operator = "operator.anna";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private FailedMessages Failed => new(fixture.DataSource);

    private async Task<AcceptedMessage> FailedMessageAsync(string recipient)
    {
        var message = fixture.NewMessage(recipient);
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), "node-a", Token);
        return message;
    }

    private Task<long> CountAsync(string table, AcceptedMessage message) =>
        fixture.CountAsync($"SELECT count(*) FROM {table} WHERE message_id = $1", message.MessageId);

    private async Task<List<string>> StatusesAsync(AcceptedMessage message) =>
        (await fixture.Messages.HistoryAsync(message.MessageId, Token)).Select(h => h.Status).ToList();

    [Fact]
    public async Task a_requeued_message_gets_its_status_audit_row_and_outbox_row_and_the_next_delivery_queues_it()
    {
        var message = await FailedMessageAsync("R_REQUEUED");

        var outcome = await Failed.RequeueAsync(message.MessageId, Operator, "the recipient fixed its queue", fixture.Time.GetUtcNow(), Token);

        Assert.Equal(FailedMessageActionOutcome.Done, outcome);
        var requeued = (await fixture.Messages.HistoryAsync(message.MessageId, Token))[^1];
        Assert.Equal((MessageStatus.Requeued, Operator, "the recipient fixed its queue"), (requeued.Status, requeued.Actor, requeued.Reason));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM console_audit WHERE message_id = $1 AND action = $2 AND actor = $3 AND reason = $4",
            message.MessageId, ConsoleAction.Requeued, Operator, "the recipient fixed its queue"));
        Assert.Equal(2, await fixture.CountAsync(
            "SELECT count(*) FROM outbox WHERE message_id = $1 AND recipient = 'R_REQUEUED' AND published_at IS NULL", message.MessageId));

        Assert.True(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-b", Token));
        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Requeued, MessageStatus.Queued], await StatusesAsync(message));
    }

    [Fact]
    public async Task a_failed_message_left_with_an_inbox_row_is_deliverable_again_after_a_requeue()
    {
        // A row the inbox would treat as this delivery's duplicate: the message reached the inbox, and its history
        // says failed after all (as an interrupted or hand-mended history could).
        var message = fixture.NewMessage("R_LEFT_ROW");
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-a", Token);
        await using (var connection = await fixture.DataSource.OpenConnectionAsync(Token))
        {
            await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Failed, fixture.Time.GetUtcNow(), "node-a", "undeliverable", Token);
        }

        await Failed.RequeueAsync(message.MessageId, Operator, "deliver it again", fixture.Time.GetUtcNow(), Token);

        Assert.True(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-b", Token));
        var leased = await fixture.Inbox.LeaseNextAsync("R_LEFT_ROW", MessageKind.Request, null, null, fixture.Time.GetUtcNow(),
            TimeSpan.FromMinutes(15), "R_LEFT_ROW", Token);
        Assert.Equal((message.MessageId, 1), (leased?.Message.MessageId, leased?.DeliveryCount));
        Assert.Equal([MessageStatus.Requeued, MessageStatus.Queued, MessageStatus.Delivered], (await StatusesAsync(message))[^3..]);
    }

    [Fact]
    public async Task a_requeued_message_that_fails_again_is_recorded_failed_again_and_can_be_requeued_again()
    {
        var message = await FailedMessageAsync("R_FAILS_TWICE");
        await Failed.RequeueAsync(message.MessageId, Operator, "try again", fixture.Time.GetUtcNow(), Token);

        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), "node-a", Token);

        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Requeued, MessageStatus.Failed], await StatusesAsync(message));
        Assert.Equal(FailedMessageActionOutcome.Done,
            await Failed.RequeueAsync(message.MessageId, Operator, "once more", fixture.Time.GetUtcNow(), Token));
    }

    [Fact]
    public async Task of_operators_requeueing_and_discarding_one_message_at_once_one_wins_and_the_others_change_nothing()
    {
        var message = await FailedMessageAsync("R_RACE");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => i % 2 == 0
            ? Failed.RequeueAsync(message.MessageId, $"operator.{i}", "race", fixture.Time.GetUtcNow(), Token)
            : Failed.DiscardAsync(message.MessageId, $"operator.{i}", "race", fixture.Time.GetUtcNow(), Token)));

        Assert.Single(outcomes, o => o == FailedMessageActionOutcome.Done);
        Assert.All(outcomes.Where(o => o != FailedMessageActionOutcome.Done), o => Assert.Equal(FailedMessageActionOutcome.NotFailed, o));
        var statuses = await StatusesAsync(message);
        Assert.Equal(3, statuses.Count);
        Assert.Equal(1, await CountAsync("console_audit", message));
        Assert.Equal(statuses[^1] == MessageStatus.Requeued ? 2 : 1, await CountAsync("outbox", message));
    }

    [Fact]
    public async Task a_discarded_message_is_never_relayed_again_and_leaves_the_failed_list()
    {
        var message = await FailedMessageAsync("R_DISCARDED");

        Assert.Equal(FailedMessageActionOutcome.Done,
            await Failed.DiscardAsync(message.MessageId, Operator, "the sender withdrew it", fixture.Time.GetUtcNow(), Token));

        Assert.Equal([MessageStatus.Accepted, MessageStatus.Failed, MessageStatus.Discarded], await StatusesAsync(message));
        Assert.Equal(1, await fixture.CountAsync(
            "SELECT count(*) FROM console_audit WHERE message_id = $1 AND action = $2 AND actor = $3",
            message.MessageId, ConsoleAction.Discarded, Operator));
        Assert.Equal(1, await CountAsync("outbox", message));
        Assert.Equal(FailedMessageActionOutcome.NotFailed,
            await Failed.RequeueAsync(message.MessageId, Operator, "changed my mind", fixture.Time.GetUtcNow(), Token));
        Assert.DoesNotContain(message.MessageId, await AllFailedAsync());
    }

    [Fact]
    public async Task a_delivery_still_on_its_way_when_the_message_is_discarded_is_dropped_and_the_discard_stays()
    {
        // Requeued, then an older broker copy gives up on it: failed again while the requeue's outbox row is pending.
        var message = await FailedMessageAsync("R_DISCARD_FINAL");
        await Failed.RequeueAsync(message.MessageId, Operator, "try again", fixture.Time.GetUtcNow(), Token);
        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), "node-a", Token);
        await Failed.DiscardAsync(message.MessageId, Operator, "the sender withdrew it", fixture.Time.GetUtcNow(), Token);

        // The pending row is published after all and the broker hands the delivery to the inbox.
        Assert.False(await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-b", Token));

        Assert.Equal(0, await CountAsync("inbox", message));
        Assert.Equal(MessageStatus.Discarded, (await StatusesAsync(message))[^1]);
        Assert.Null(await fixture.Inbox.LeaseNextAsync("R_DISCARD_FINAL", MessageKind.Request, null, null, fixture.Time.GetUtcNow(),
            TimeSpan.FromMinutes(15), "R_DISCARD_FINAL", Token));
    }

    [Fact]
    public async Task a_delivery_stored_while_a_discard_commits_is_dropped_and_the_discard_stays()
    {
        var message = await FailedMessageAsync("R_DISCARD_RACE");
        await Failed.RequeueAsync(message.MessageId, Operator, "try again", fixture.Time.GetUtcNow(), Token);
        await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(message), "undeliverable", fixture.Time.GetUtcNow(), "node-a", Token);
        // A discard in flight: it holds the message row's lock and has recorded discarded, not committed yet.
        await using var connection = await fixture.DataSource.OpenConnectionAsync(Token);
        await using var discard = await connection.BeginTransactionAsync(Token);
        await using (var hold = new NpgsqlCommand("SELECT 1 FROM messages WHERE message_id = $1 FOR NO KEY UPDATE", connection))
        {
            hold.Parameters.AddWithValue(message.MessageId);
            await hold.ExecuteNonQueryAsync(Token);
        }
        await StatusHistory.AppendAsync(connection, message.MessageId, MessageStatus.Discarded, fixture.Time.GetUtcNow(), Operator, "withdrawn", Token);

        var store = fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-b", Token);
        await StorageFixture.WaitUntilAsync(async () => await fixture.CountAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0,
            "the delivery's store to wait for the discard's lock");
        await discard.CommitAsync(Token);

        Assert.False(await store);
        Assert.Equal(0, await CountAsync("inbox", message));
        Assert.Equal(MessageStatus.Discarded, (await StatusesAsync(message))[^1]);
    }

    [Fact]
    public async Task a_message_that_is_not_failed_or_does_not_exist_is_neither_requeued_nor_discarded()
    {
        var waiting = fixture.NewMessage("R_NOT_FAILED");
        await fixture.Messages.AcceptAsync(waiting, "PORTAL", Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(waiting), fixture.Time.GetUtcNow(), "node-a", Token);

        Assert.Equal(FailedMessageActionOutcome.NotFailed, await Failed.RequeueAsync(waiting.MessageId, Operator, "why", fixture.Time.GetUtcNow(), Token));
        Assert.Equal(FailedMessageActionOutcome.NotFailed, await Failed.DiscardAsync(waiting.MessageId, Operator, "why", fixture.Time.GetUtcNow(), Token));
        Assert.Equal(FailedMessageActionOutcome.NotFound, await Failed.RequeueAsync(Guid.NewGuid(), Operator, "why", fixture.Time.GetUtcNow(), Token));

        Assert.Equal([MessageStatus.Accepted, MessageStatus.Queued], await StatusesAsync(waiting));
        Assert.Equal(0, await CountAsync("console_audit", waiting));
        Assert.Equal(1, await CountAsync("outbox", waiting));
    }

    [Fact]
    public async Task failed_messages_are_paged_newest_first_with_the_reason_of_their_failure()
    {
        var failed = new List<AcceptedMessage>();
        for (var i = 0; i < 3; i++)
        {
            // Later than anything the class's other tests accept, so these three are the newest.
            fixture.Time.Advance(TimeSpan.FromDays(1));
            failed.Add(await FailedMessageAsync("R_PAGED"));
        }

        var first = await Failed.PageAsync(null, 2, Token);
        var second = await Failed.PageAsync(MessageCursorOf(first.Next), 2, Token);

        Assert.Equal([failed[2].MessageId, failed[1].MessageId], first.Messages.Select(m => m.Message.MessageId));
        Assert.Equal(failed[0].MessageId, second.Messages[0].Message.MessageId);
        Assert.All(first.Messages, m => Assert.Equal(("undeliverable", MessageStatus.Failed), (m.Reason, m.Message.Status)));
    }

    [Fact]
    public async Task inspecting_shows_the_relays_and_the_inbox_row()
    {
        var message = await FailedMessageAsync("R_INSPECTED");
        await using (var connection = await fixture.DataSource.OpenConnectionAsync(Token))
        await using (var publish = new NpgsqlCommand("UPDATE outbox SET published_at = now() WHERE message_id = $1", connection))
        {
            publish.Parameters.AddWithValue(message.MessageId);
            await publish.ExecuteNonQueryAsync(Token);
        }
        var failedState = await Failed.InspectAsync(message.MessageId, Token);
        await Failed.RequeueAsync(message.MessageId, Operator, "again", fixture.Time.GetUtcNow(), Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), fixture.Time.GetUtcNow(), "node-a", Token);

        var requeuedState = await Failed.InspectAsync(message.MessageId, Token);

        Assert.Equal((1, false), (failedState?.TimesRelayed, failedState?.AwaitingRelay));
        Assert.Null(failedState?.Inbox);
        Assert.Equal((1, true, 0), (requeuedState?.TimesRelayed, requeuedState?.AwaitingRelay, requeuedState?.Inbox?.DeliveryCount));
        Assert.Equal(MessageStatus.Queued, requeuedState?.Message.Status);
        Assert.Null(await Failed.InspectAsync(Guid.NewGuid(), Token));
    }

    private async Task<List<Guid>> AllFailedAsync()
    {
        var all = new List<Guid>();
        string? next = null;
        do
        {
            var page = await Failed.PageAsync(MessageCursorOf(next), 100, Token);
            all.AddRange(page.Messages.Select(m => m.Message.MessageId));
            next = page.Next;
        }
        while (next is not null);
        return all;
    }

    private static Domain.Messages.Search.MessageCursor? MessageCursorOf(string? next) =>
        next is null ? null : Domain.Messages.Search.MessageCursor.Decode(next);
}
