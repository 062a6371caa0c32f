using Exchange.Domain.Delivery;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>Each test drains the outbox first, since the class shares one database.</summary>
public sealed class OutboxTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task DrainAsync()
    {
        while (await fixture.Outbox.RelayBatchAsync(1000, (_, _) => Task.CompletedTask, Token) > 0)
        {
        }
    }

    [Fact]
    public async Task relayed_messages_are_marked_published()
    {
        await DrainAsync();
        var message = fixture.NewMessage();
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        var published = new List<RelayedMessage>();

        var relayed = await fixture.Outbox.RelayBatchAsync(10, (batch, _) => { published.AddRange(batch); return Task.CompletedTask; }, Token);

        Assert.Equal(1, relayed);
        Assert.Equal(message.MessageId, Assert.Single(published).MessageId);
        Assert.Equal(0, await fixture.Outbox.PendingCountAsync(Token));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM outbox WHERE message_id = $1 AND published_at IS NOT NULL", message.MessageId));
    }

    [Fact]
    public async Task a_failed_publish_leaves_the_messages_pending_for_the_next_attempt()
    {
        await DrainAsync();
        var message = fixture.NewMessage();
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        await Assert.ThrowsAsync<IOException>(() =>
            fixture.Outbox.RelayBatchAsync(10, (_, _) => throw new IOException("broker gone"), Token));

        Assert.Equal(1, await fixture.Outbox.PendingCountAsync(Token));
        Assert.Equal([MessageStatus.Accepted], (await fixture.Messages.HistoryAsync(message.MessageId, Token)).Select(h => h.Status));
        var retried = new List<Guid>();
        await fixture.Outbox.RelayBatchAsync(10, (batch, _) => { retried.AddRange(batch.Select(m => m.MessageId)); return Task.CompletedTask; }, Token);
        Assert.Equal([message.MessageId], retried);
    }

    [Fact]
    public async Task two_relays_never_publish_the_same_row_at_the_same_time()
    {
        await DrainAsync();
        for (var i = 0; i < 20; i++)
        {
            await fixture.Messages.AcceptAsync(fixture.NewMessage(), "PORTAL", Token);
        }
        var firstHolds = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var firstBatch = new List<Guid>();
        var secondBatch = new List<Guid>();

        var first = fixture.Outbox.RelayBatchAsync(10, async (batch, _) =>
        {
            firstBatch.AddRange(batch.Select(m => m.MessageId));
            firstHolds.SetResult();
            await releaseFirst.Task;
        }, Token);
        await firstHolds.Task;
        await fixture.Outbox.RelayBatchAsync(100, (batch, _) => { secondBatch.AddRange(batch.Select(m => m.MessageId)); return Task.CompletedTask; }, Token);
        releaseFirst.SetResult();
        await first;

        Assert.Equal(10, firstBatch.Count);
        Assert.Equal(10, secondBatch.Count);
        Assert.Empty(firstBatch.Intersect(secondBatch));
    }
}
