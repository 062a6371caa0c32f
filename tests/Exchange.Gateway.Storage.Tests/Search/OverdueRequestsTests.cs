using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Storage.Messages;
using Exchange.Protocol.Messages;

namespace Exchange.Gateway.Storage.Tests.Search;

/// <summary>Each test owes answers from recipients of its own and reads only theirs.</summary>
public sealed class OverdueRequestsTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private OverdueRequests Overdue { get; } = new(fixture.DataSource);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private async Task<AcceptedMessage> RequestAsync(string recipient, TimeSpan? dueIn)
    {
        var (_, stored) = await fixture.Messages.AcceptAsync(fixture.NewMessage(recipient) with { AnswerDueAt = Now + dueIn }, "PORTAL", Token);
        return stored;
    }

    private Task AnswerAsync(AcceptedMessage request, string status)
    {
        var response = fixture.NewMessage("PORTAL") with { Kind = MessageKind.Response, Sender = request.Recipient, OriginalMessageId = request.MessageId };
        return fixture.Messages.AcceptAsync(response, request.Recipient, Token, new StatusChange(request.MessageId, status, null));
    }

    private async Task<IReadOnlyList<Guid>> OwedAsync(string recipient, DateTimeOffset at) =>
        (await Overdue.OfRecipientAsync(recipient, at, 100, Token)).Select(m => m.MessageId).ToList();

    [Fact]
    public async Task only_unanswered_requests_past_their_deadline_are_listed_per_recipient_oldest_first()
    {
        var a2 = await RequestAsync("O1_A", TimeSpan.FromHours(2));
        var a1 = await RequestAsync("O1_A", TimeSpan.FromHours(1));
        var b1 = await RequestAsync("O1_B", TimeSpan.FromMinutes(90));
        await RequestAsync("O1_A", TimeSpan.FromHours(5));
        await RequestAsync("O1_A", dueIn: null);
        var answered = await RequestAsync("O1_A", TimeSpan.FromMinutes(30));
        await AnswerAsync(answered, MessageStatus.Answered);
        fixture.Time.Advance(TimeSpan.FromHours(3));

        Assert.Equal([a1.MessageId, a2.MessageId], await OwedAsync("O1_A", Now));
        Assert.Equal([b1.MessageId], await OwedAsync("O1_B", Now));
        // As of an earlier time, only what was due by then.
        Assert.Equal([a1.MessageId], await OwedAsync("O1_A", a1.AnswerDueAt!.Value.AddMinutes(1)));
        Assert.Empty(await OwedAsync("O1_A", a1.AnswerDueAt!.Value));

        var recipients = (await Overdue.ByRecipientAsync(Now, Token)).Where(r => r.Name.StartsWith("O1_", StringComparison.Ordinal)).ToList();
        Assert.Equal([new("O1_A", 2, a1.AnswerDueAt!.Value), new OverdueRequests.Recipient("O1_B", 1, b1.AnswerDueAt!.Value)], recipients);
    }

    [Fact]
    public async Task an_answered_or_rejected_request_leaves_the_list_and_a_later_ack_does_not_bring_it_back()
    {
        var first = await RequestAsync("O2_A", TimeSpan.FromHours(1));
        var second = await RequestAsync("O2_A", TimeSpan.FromHours(1));
        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, (await OwedAsync("O2_A", Now)).Count);

        await AnswerAsync(first, MessageStatus.Answered);
        await using (var connection = await fixture.DataSource.OpenConnectionAsync(Token))
        {
            // The recipient acknowledges the request after answering it: its current status is no longer "answered".
            await StatusHistory.AppendAsync(connection, first.MessageId, MessageStatus.Acknowledged, Now, "O2_A", null, Token);
        }
        Assert.Equal([second.MessageId], await OwedAsync("O2_A", Now));

        await AnswerAsync(second, MessageStatus.Rejected);
        Assert.Empty(await OwedAsync("O2_A", Now));
    }

    [Fact]
    public async Task a_failed_discarded_or_expired_request_is_owed_no_answer_and_leaves_the_overdue_lists_and_search()
    {
        var owed = await RequestAsync("O3_A", TimeSpan.FromHours(1));
        var failed = await RequestAsync("O3_A", TimeSpan.FromHours(1));
        var discarded = await RequestAsync("O3_A", TimeSpan.FromHours(1));
        var expired = await RequestAsync("O3_A", TimeSpan.FromHours(1));
        fixture.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(4, (await OwedAsync("O3_A", Now)).Count);

        foreach (var request in new[] { failed, discarded })
        {
            await fixture.Inbox.RecordUndeliverableAsync(StorageFixture.Relayed(request), "undeliverable", Now, "node-a", Token);
        }
        await new FailedMessages(fixture.DataSource).DiscardAsync(discarded.MessageId, "operator.anna", "withdrawn", Now, Token);
        await using (var connection = await fixture.DataSource.OpenConnectionAsync(Token))
        {
            await StatusHistory.AppendAsync(connection, expired.MessageId, MessageStatus.Expired, Now, "node-a", "EOL passed", Token);
        }

        Assert.Equal([owed.MessageId], await OwedAsync("O3_A", Now));
        Assert.Equal([new OverdueRequests.Recipient("O3_A", 1, owed.AnswerDueAt!.Value)],
            (await Overdue.ByRecipientAsync(Now, Token)).Where(r => r.Name == "O3_A"));
        var search = new MessageSearch(fixture.DataSource);
        var overdue = await search.SearchAsync(new MessageQuery { Recipient = "O3_A", OverdueOnly = true }, Now, Token);
        Assert.Equal([owed.MessageId], overdue.Messages.Select(m => m.MessageId));
        var all = await search.SearchAsync(new MessageQuery { Recipient = "O3_A" }, Now, Token);
        Assert.Equal([owed.MessageId], all.Messages.Where(m => m.IsOverdueAt(Now)).Select(m => m.MessageId));
    }
}
