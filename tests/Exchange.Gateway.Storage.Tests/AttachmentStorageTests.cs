using System.Security.Cryptography;
using Exchange.Domain.Messages;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>Attachments live and die with their message: stored in its transaction, compared on resend, leased with it.</summary>
public sealed class AttachmentStorageTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static AcceptedAttachment Attachment(string id, byte[] content) =>
        new(id, "application/pdf", content.Length, SHA256.HashData(content), content);

    private AcceptedMessage WithFiles(string sender = "PORTAL", params AcceptedAttachment[] attachments) =>
        fixture.NewMessage() with { Sender = sender, Attachments = attachments };

    private AttachmentQuota Quota(long bytes) => new(bytes, fixture.Time.GetUtcNow().AddDays(-1));

    [Fact]
    public async Task attachments_are_stored_with_the_message_and_read_back_in_the_senders_order()
    {
        var message = WithFiles("PORTAL", Attachment("b", [2, 2]), Attachment("a", [1]));

        Assert.Equal(AcceptOutcome.Accepted, (await fixture.Messages.AcceptAsync(message, "PORTAL", Token)).Outcome);

        var found = await fixture.Messages.FindAsync(message.MessageId, Token);
        Assert.Equal(["b", "a"], found!.Attachments.Select(a => a.ContentId));
        Assert.Equal(message.Attachments.Select(a => Convert.ToHexString(a.Sha256)), found.Attachments.Select(a => Convert.ToHexString(a.Sha256)));
        Assert.Equal(3, await fixture.CountAsync("SELECT sum(size) FROM message_attachments WHERE message_id = $1", message.MessageId));
    }

    [Fact]
    public async Task a_resend_with_the_same_files_is_the_same_message_and_with_other_bytes_it_is_not()
    {
        var message = WithFiles("PORTAL", Attachment("a", [1, 2, 3]));
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);

        Assert.Equal(AcceptOutcome.AlreadyAccepted, (await fixture.Messages.AcceptAsync(message, "PORTAL", Token)).Outcome);
        Assert.Equal(AcceptOutcome.IdTaken,
            (await fixture.Messages.AcceptAsync(message with { Attachments = [Attachment("a", [1, 2, 4])] }, "PORTAL", Token)).Outcome);
        Assert.Equal(AcceptOutcome.IdTaken, (await fixture.Messages.AcceptAsync(message with { Attachments = [] }, "PORTAL", Token)).Outcome);
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM message_attachments WHERE message_id = $1", message.MessageId));
    }

    [Fact]
    public async Task a_message_past_the_senders_quota_is_refused_and_nothing_of_it_is_stored()
    {
        var first = WithFiles("QUOTA_A", Attachment("a", new byte[600]));
        Assert.Equal(AcceptOutcome.Accepted, (await fixture.Messages.AcceptAsync(first, "QUOTA_A", Token, quota: Quota(1000))).Outcome);

        var second = WithFiles("QUOTA_A", Attachment("a", new byte[500]));
        var (outcome, _) = await fixture.Messages.AcceptAsync(second, "QUOTA_A", Token, quota: Quota(1000));

        Assert.Equal(AcceptOutcome.QuotaExceeded, outcome);
        Assert.Null(await fixture.Messages.FindAsync(second.MessageId, Token));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM message_attachments WHERE message_id = $1", second.MessageId));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM outbox WHERE message_id = $1", second.MessageId));
        Assert.Equal(600, await fixture.Messages.AttachmentBytesSinceAsync("QUOTA_A", fixture.Time.GetUtcNow().AddDays(-1), Token));
    }

    [Fact]
    public async Task the_quota_counts_only_messages_inside_its_window()
    {
        var old = WithFiles("QUOTA_B", Attachment("a", new byte[900])) with { AcceptedAt = fixture.Time.GetUtcNow().AddDays(-2) };
        await fixture.Messages.AcceptAsync(old, "QUOTA_B", Token);

        var (outcome, _) = await fixture.Messages.AcceptAsync(WithFiles("QUOTA_B", Attachment("a", new byte[900])), "QUOTA_B", Token, quota: Quota(1000));

        Assert.Equal(AcceptOutcome.Accepted, outcome);
    }
}
