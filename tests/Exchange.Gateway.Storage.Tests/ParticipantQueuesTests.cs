using Exchange.Domain.Delivery;
using Exchange.Gateway.Storage.Delivery;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>Each test reads only the inboxes of recipients of its own.</summary>
public sealed class ParticipantQueuesTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private ParticipantQueues Queues { get; } = new(fixture.DataSource);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private async Task<Guid> ArrivedAsync(string recipient)
    {
        var message = fixture.NewMessage(recipient);
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), Now, "node-a", Token);
        return message.MessageId;
    }

    private async Task<Guid> LeaseAsync(string recipient) =>
        (await fixture.Inbox.LeaseNextAsync(recipient, MessageKind.Request, null, null, Now, Lease, recipient, Token))!.Message.MessageId;

    private async Task<InboxState?> StateAsync(string participant) => (await Queues.ReadAsync(Now, Token)).GetValueOrDefault(participant);

    [Fact]
    public async Task waiting_leased_oldest_and_last_take_are_read_per_participant()
    {
        var firstArrival = Now;
        await ArrivedAsync("PQ1_A");
        fixture.Time.Advance(TimeSpan.FromMinutes(5));
        await ArrivedAsync("PQ1_A");
        await ArrivedAsync("PQ1_A");
        await ArrivedAsync("PQ1_B");
        var leasedAt = Now;
        var leased = await LeaseAsync("PQ1_A");

        Assert.Equal(new InboxState("PQ1_A", 3, 1, firstArrival, leasedAt), await StateAsync("PQ1_A"));
        Assert.Equal(new InboxState("PQ1_B", 1, 0, leasedAt, null), await StateAsync("PQ1_B"));
        Assert.Null(await StateAsync("PQ1_NOBODY"));

        await fixture.Inbox.AcknowledgeAsync("PQ1_A", leased, accepted: true, Now, Token);
        Assert.Equal(new InboxState("PQ1_A", 2, 0, leasedAt, leasedAt), await StateAsync("PQ1_A"));
    }

    [Fact]
    public async Task a_lease_that_ran_out_counts_as_waiting_but_no_longer_as_leased()
    {
        await ArrivedAsync("PQ2");
        await LeaseAsync("PQ2");

        fixture.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var state = await StateAsync("PQ2");
        Assert.Equal((1L, 0L), (state!.Waiting, state.Leased));
        Assert.False(state.IsConsumerAlive(Now, TimeSpan.FromMinutes(15)));
        Assert.True(state.IsConsumerAlive(Now, TimeSpan.FromMinutes(16)));
    }

    [Fact]
    public async Task the_last_take_moves_only_once_the_stored_one_is_over_a_minute_old()
    {
        await ArrivedAsync("PQ3");
        await ArrivedAsync("PQ3");
        await ArrivedAsync("PQ3");
        var first = Now;
        await LeaseAsync("PQ3");

        fixture.Time.Advance(TimeSpan.FromSeconds(30));
        await LeaseAsync("PQ3");
        Assert.Equal(first, (await StateAsync("PQ3"))!.LastTakeAt);

        fixture.Time.Advance(TimeSpan.FromMinutes(2));
        await LeaseAsync("PQ3");
        Assert.Equal(Now, (await StateAsync("PQ3"))!.LastTakeAt);
    }
}
