using Exchange.Domain.Messages;

namespace Exchange.Gateway.Storage.Tests;

public sealed class MessageStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task accepting_stores_the_message_its_first_status_and_an_outbox_row_together()
    {
        var message = fixture.NewMessage();

        var (outcome, stored) = await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        Assert.Equal(AcceptOutcome.Accepted, outcome);
        Assert.Equal(message.Content, stored.Content);
        var history = await fixture.Messages.HistoryAsync(message.MessageId, Token);
        Assert.Equal([MessageStatus.Accepted], history.Select(h => h.Status));
        Assert.Equal("PORTAL", history[0].Actor);
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM outbox WHERE message_id = $1 AND published_at IS NULL", message.MessageId));
    }

    [Fact]
    public async Task the_same_message_sent_again_is_recognised_and_stored_once()
    {
        var message = fixture.NewMessage();
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        var (outcome, stored) = await fixture.Messages.AcceptAsync(message with { AcceptedAt = message.AcceptedAt.AddMinutes(1) }, "PORTAL", Token);

        Assert.Equal(AcceptOutcome.AlreadyAccepted, outcome);
        Assert.Equal(message.AcceptedAt, stored.AcceptedAt);
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM outbox WHERE message_id = $1", message.MessageId));
        Assert.Single(await fixture.Messages.HistoryAsync(message.MessageId, Token));
    }

    [Fact]
    public async Task a_different_message_under_a_used_id_is_refused_and_nothing_changes()
    {
        var message = fixture.NewMessage();
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        var other = fixture.NewMessage(content: "<Appeal>other</Appeal>") with { MessageId = message.MessageId };

        var (outcome, stored) = await fixture.Messages.AcceptAsync(other, "PORTAL", Token);

        Assert.Equal(AcceptOutcome.IdTaken, outcome);
        Assert.Equal(message.Content, stored.Content);
        Assert.Equal(message.Content, (await fixture.Messages.FindAsync(message.MessageId, Token))!.Content);
    }

    [Fact]
    public async Task the_senders_signature_is_kept_with_the_message_and_read_back_unchanged()
    {
        const string signature = """<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>""";
        var message = fixture.NewMessage() with { SenderSignature = signature };

        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        Assert.Equal(signature, (await fixture.Messages.FindAsync(message.MessageId, Token))!.SenderSignature);
    }

    [Fact]
    public async Task an_unknown_message_has_no_history()
    {
        Assert.Null(await fixture.Messages.FindAsync(Guid.NewGuid(), Token));
        Assert.Empty(await fixture.Messages.HistoryAsync(Guid.NewGuid(), Token));
    }
}
