using Exchange.Domain.Audit;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Audit;

namespace Exchange.Gateway.Storage.Tests.Audit;

/// <summary>Each test acts under actors of its own and searches by them.</summary>
public sealed class AuditSearchTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private AuditSearch Audit { get; } = new(fixture.DataSource);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    private Task AddParticipantAsync(string actor, string mnemonic) =>
        fixture.Directory.ChangeAsync(actor, c => c with
        {
            Participants = [.. c.Participants, new Participant(mnemonic, $"{mnemonic} body", ParticipantLevel.RegionalBody)],
        }, Token);

    private Task RenameAsync(string actor, string mnemonic, string name) =>
        fixture.Directory.ChangeAsync(actor, c => c with
        {
            Participants = [.. c.Participants.Select(p => p.Mnemonic == mnemonic ? p with { Name = name } : p)],
        }, Token);

    private async Task<Guid> ActAsync(string actor, string action, string reason)
    {
        var message = fixture.NewMessage("AUDITED");
        await fixture.Messages.AcceptAsync(message, "PORTAL", Token);
        await using var connection = await fixture.DataSource.OpenConnectionAsync(Token);
        await ConsoleAuditLog.AppendAsync(connection, Now, actor, action, message.MessageId, reason, Token);
        return message.MessageId;
    }

    private AuditQuery Around(string? actor = null) => new() { From = Now.AddDays(-1), To = Now.AddDays(1), Actor = actor };

    [Fact]
    public async Task both_audits_are_found_by_actor_newest_first_with_the_change_and_the_reason()
    {
        await AddParticipantAsync("as1.admin", "AS1");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await RenameAsync("as1.admin", "AS1", "Renamed body");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        var requeued = await ActAsync("as1.admin", ConsoleAction.Requeued, "the recipient fixed its adapter");
        await ActAsync("as1.other", ConsoleAction.Discarded, "someone else");

        var page = await Audit.SearchAsync(Around("as1.admin"), Token);

        Assert.Equal([ConsoleAction.Requeued, AuditKind.DirectoryChange, AuditKind.DirectoryChange], page.Entries.Select(e => e.Kind));
        Assert.Equal((requeued, "the recipient fixed its adapter"), (page.Entries[0].MessageId, page.Entries[0].Reason));
        var renamed = page.Entries[1];
        Assert.Equal(("participant", "AS1"), (renamed.Entity, renamed.Key));
        Assert.Equal([("name", "AS1 body", "Renamed body")], renamed.ChangedFields());
        Assert.Null(page.Entries[2].Before);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task kind_message_and_period_narrow_the_search()
    {
        await AddParticipantAsync("as2.admin", "AS2");
        var opened = await ActAsync("as2.admin", ConsoleAction.ContentOpened, "a citizen's complaint");
        await ActAsync("as2.admin", ConsoleAction.Requeued, "again");

        Assert.Equal([AuditKind.DirectoryChange],
            (await Audit.SearchAsync(Around("as2.admin") with { Kind = AuditKind.DirectoryChange }, Token)).Entries.Select(e => e.Kind));
        Assert.Equal([opened],
            (await Audit.SearchAsync(Around("as2.admin") with { Kind = ConsoleAction.ContentOpened }, Token)).Entries.Select(e => e.MessageId));
        Assert.Equal([opened], (await Audit.SearchAsync(Around() with { MessageId = opened }, Token)).Entries.Select(e => e.MessageId));
        Assert.Empty((await Audit.SearchAsync(Around("as2.admin") with { From = Now.AddDays(1), To = Now.AddDays(2) }, Token)).Entries);
    }

    [Fact]
    public async Task pages_run_through_both_audits_without_repeating_or_losing_an_entry_at_the_same_moment()
    {
        // Everything at one moment: only the cursor's source and id can tell the entries apart.
        for (var i = 0; i < 3; i++)
        {
            await AddParticipantAsync("as3.admin", $"AS3_{i}");
            await ActAsync("as3.admin", ConsoleAction.Requeued, $"requeue {i}");
        }
        var everything = (await Audit.SearchAsync(Around("as3.admin"), Token)).Entries;

        var paged = new List<AuditEntry>();
        string? after = null;
        do
        {
            var page = await Audit.SearchAsync(Around("as3.admin") with { PageSize = 2, After = after }, Token);
            Assert.True(page.Entries.Count <= 2);
            paged.AddRange(page.Entries);
            after = page.Next;
        }
        while (after is not null);

        Assert.Equal(6, everything.Count);
        Assert.Equal(everything, paged);
    }

    [Fact]
    public async Task an_absurd_query_is_refused_before_anything_is_read()
    {
        var tenYears = new AuditQuery { From = Now.AddYears(-10), To = Now };
        var longActor = Around(new string('x', 10_000));
        var forgedCursor = Around() with { After = "1-2-3" };

        Assert.Contains("366 days", (await Assert.ThrowsAsync<InvalidAuditQueryException>(() => Audit.SearchAsync(tenYears, Token))).Message);
        Assert.Contains("at most 256 characters", (await Assert.ThrowsAsync<InvalidAuditQueryException>(() => Audit.SearchAsync(longActor, Token))).Message);
        Assert.Contains("cursor", (await Assert.ThrowsAsync<InvalidAuditQueryException>(() => Audit.SearchAsync(forgedCursor, Token))).Message);
    }
}
