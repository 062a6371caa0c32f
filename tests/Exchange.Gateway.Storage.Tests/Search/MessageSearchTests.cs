using Exchange.Domain.Messages;
using Exchange.Domain.Messages.Search;
using Exchange.Gateway.Storage.Messages;

namespace Exchange.Gateway.Storage.Tests.Search;

/// <summary>
/// Tests of a class run one at a time and the fixture's clock only moves forward, so each test's messages have a stretch
/// of accepted times of their own; a test bounds its searches by that period or by its own senders, never seeing another's rows.
/// </summary>
public sealed class MessageSearchTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private MessageSearch Search { get; } = new(fixture.DataSource);

    private async Task<AcceptedMessage> AcceptAsync(Func<AcceptedMessage, AcceptedMessage> shape, bool tick = true)
    {
        var (_, stored) = await fixture.Messages.AcceptAsync(shape(fixture.NewMessage()), "PORTAL", Token);
        if (tick)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }
        return stored;
    }

    private async Task<IReadOnlyList<Guid>> FindAsync(MessageQuery query) =>
        (await Search.SearchAsync(query, fixture.Time.GetUtcNow(), Token)).Messages.Select(m => m.MessageId).ToList();

    private static Guid[] NewestFirst(params AcceptedMessage[] messages) =>
        messages.OrderByDescending(m => m.AcceptedAt).ThenByDescending(m => m.MessageId.ToString(), StringComparer.Ordinal)
            .Select(m => m.MessageId).ToArray();

    [Fact]
    public async Task each_filter_finds_what_it_should_and_nothing_else()
    {
        var from = fixture.Time.GetUtcNow();
        var a = await AcceptAsync(m => m with { Sender = "F_A", Recipient = "F_B", NamespaceUri = "urn:f", RootElement = "Appeal" });
        var b = await AcceptAsync(m => m with { Sender = "F_B", Recipient = "F_A", NamespaceUri = "urn:f", RootElement = "Complaint", IsTest = true });
        var c = await AcceptAsync(m => m with { Sender = "F_A", Recipient = "F_C", NamespaceUri = "urn:g", RootElement = "Appeal" });
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(c), fixture.Time.GetUtcNow(), "node-a", Token);
        var d = await AcceptAsync(m => m with { Sender = "F_C", Recipient = "F_B", AnswerDueAt = fixture.Time.GetUtcNow().AddHours(1) });
        fixture.Time.Advance(TimeSpan.FromHours(2));
        var period = new MessageQuery { From = from, To = fixture.Time.GetUtcNow() };

        Assert.Equal(NewestFirst(a, b, c, d), await FindAsync(period));
        Assert.Equal(NewestFirst(a, c), await FindAsync(period with { Sender = "F_A" }));
        Assert.Equal(NewestFirst(a, d), await FindAsync(period with { Recipient = "F_B" }));
        Assert.Equal(NewestFirst(a, b), await FindAsync(period with { NamespaceUri = "urn:f" }));
        Assert.Equal(NewestFirst(a), await FindAsync(period with { NamespaceUri = "urn:f", RootElement = "Appeal" }));
        Assert.Equal(NewestFirst(c), await FindAsync(period with { Status = MessageStatus.Queued }));
        Assert.Equal(NewestFirst(a, b, d), await FindAsync(period with { Status = MessageStatus.Accepted }));
        Assert.Equal(NewestFirst(b), await FindAsync(period with { IsTest = true }));
        Assert.Equal(NewestFirst(a, c, d), await FindAsync(period with { IsTest = false }));
        Assert.Equal(NewestFirst(d), await FindAsync(period with { OverdueOnly = true }));
        Assert.Equal(NewestFirst(b, c), await FindAsync(new MessageQuery { From = b.AcceptedAt, To = d.AcceptedAt }));
        Assert.Equal(NewestFirst(c), await FindAsync(new MessageQuery { MessageId = c.MessageId }));
        Assert.Empty(await FindAsync(period with { Sender = "F_A", Recipient = "F_A" }));
    }

    [Fact]
    public async Task a_found_message_carries_its_metadata_and_current_status()
    {
        var message = await AcceptAsync(m => m with { Sender = "M_A", Recipient = "M_B", AnswerDueAt = fixture.Time.GetUtcNow().AddDays(3) });
        var queuedAt = fixture.Time.GetUtcNow();
        await fixture.Inbox.StoreAsync(StorageFixture.Relayed(message), queuedAt, "node-a", Token);

        var found = Assert.Single((await Search.SearchAsync(new MessageQuery { MessageId = message.MessageId }, queuedAt, Token)).Messages);

        Assert.Equal(new FoundMessage(message.MessageId, message.Kind, "M_A", "M_B", message.NamespaceUri, message.RootElement,
            MessageStatus.Queued, queuedAt, message.AcceptedAt, message.AnswerDueAt, null, false), found);
    }

    [Fact]
    public async Task keyset_paging_walks_every_row_once_in_order_while_new_messages_arrive()
    {
        var existing = new List<AcceptedMessage>();
        for (var i = 0; i < 23; i++)
        {
            // Every fourth message shares its accepted time with the next: ties are broken by MessageID.
            existing.Add(await AcceptAsync(m => m with { Sender = "K_A" }, tick: i % 4 != 0));
        }
        var query = new MessageQuery { Sender = "K_A", PageSize = 5 };

        var walked = new List<Guid>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = await Search.SearchAsync(query with { After = next }, fixture.Time.GetUtcNow(), Token);
            Assert.True(page.Messages.Count <= 5);
            walked.AddRange(page.Messages.Select(m => m.MessageId));
            next = page.Next;
            pages++;
            // Newer messages arrive between pages; they belong before the first page and must not appear in later ones.
            await AcceptAsync(m => m with { Sender = "K_A" });
        }
        while (next is not null);

        Assert.Equal(5, pages);
        Assert.Equal(NewestFirst([.. existing]), walked);
    }

    [Fact]
    public async Task absurd_searches_are_refused_before_they_run()
    {
        var now = fixture.Time.GetUtcNow();
        MessageQuery[] absurd =
        [
            new() { After = "Af__________AAAAAAAAAAAAAAAAAAAAAA" },
            new() { From = now.AddYears(-10), To = now },
            new() { Sender = new string('x', 10_000) },
            new() { PageSize = 100_000 },
        ];

        foreach (var query in absurd)
        {
            var refused = await Assert.ThrowsAsync<InvalidMessageQueryException>(() => Search.SearchAsync(query, now, Token));
            Assert.Single(refused.Problems);
        }
    }
}
