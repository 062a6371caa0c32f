using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>API tokens: shown once, stored as a hash, found only while unretired, issued only to active systems, audited.</summary>
public sealed class ApiTokenStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>A participant of its own with one system, so the tests of the class do not see each other's tokens.</summary>
    private async Task<string> SystemAsync(string participant)
    {
        var system = $"{participant}_EDMS";
        await fixture.Directory.ChangeAsync("setup", c => c with
        {
            Participants = [.. c.Participants, new Participant(participant, $"{participant} body", ParticipantLevel.RegionalBody)],
            Systems = [.. c.Systems, new InformationSystem(system, participant, "EDMS")],
        }, Token);
        return system;
    }

    [Fact]
    public async Task an_issued_token_finds_its_system_and_only_its_hash_is_stored()
    {
        var system = await SystemAsync("TOKENS_FOUND");

        var issued = await fixture.ApiTokens.IssueAsync(system, "portal front end", "ivanova", Token);

        Assert.StartsWith("exs_", issued.Secret);
        Assert.Equal(43, issued.Secret.Length - "exs_".Length);
        Assert.Equal(system, await fixture.ApiTokens.FindSystemAsync(issued.Secret, Token));
        Assert.Null(await fixture.ApiTokens.FindSystemAsync(issued.Secret[..^1], Token));
        Assert.Equal(1, await fixture.CountAsync("SELECT count(*) FROM api_tokens WHERE id = $1 AND sha256 = $2",
            issued.Token.Id, SHA256.HashData(Encoding.UTF8.GetBytes(issued.Secret))));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM api_tokens t WHERE strpos(t::text, $1) > 0", issued.Secret));
    }

    [Fact]
    public async Task every_token_is_new_and_the_list_shows_the_systems_own_without_secrets()
    {
        var system = await SystemAsync("TOKENS_LISTED");
        var other = await SystemAsync("TOKENS_OTHER");

        var first = await fixture.ApiTokens.IssueAsync(system, "first", "ivanova", Token);
        var second = await fixture.ApiTokens.IssueAsync(system, null, "petrov", Token);
        await fixture.ApiTokens.IssueAsync(other, "not listed", "ivanova", Token);

        Assert.NotEqual(first.Secret, second.Secret);
        var listed = await fixture.ApiTokens.ListAsync(system, Token);
        Assert.Equal([first.Token, second.Token], listed);
        Assert.DoesNotContain(first.Secret, JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task a_retired_token_finds_nothing_and_retiring_it_again_changes_nothing()
    {
        var system = await SystemAsync("TOKENS_RETIRED");
        var issued = await fixture.ApiTokens.IssueAsync(system, "to retire", "ivanova", Token);
        fixture.Time.Advance(TimeSpan.FromMinutes(5));

        var retired = await fixture.ApiTokens.RetireAsync(issued.Token.Id, "petrov", Token);
        var again = await fixture.ApiTokens.RetireAsync(issued.Token.Id, "petrov", Token);

        Assert.Equal(fixture.Time.GetUtcNow(), retired!.RetiredAt);
        Assert.Equal(retired, again);
        Assert.Null(await fixture.ApiTokens.FindSystemAsync(issued.Secret, Token));
        Assert.Null(await fixture.ApiTokens.RetireAsync(long.MaxValue, "petrov", Token));
        Assert.Equal(2, (await fixture.Directory.AuditAsync(10, ApiTokenStore.AuditEntity, issued.Token.Id.ToString(), Token)).Count);
    }

    [Fact]
    public async Task issuing_and_retiring_are_audited_with_the_actor_and_without_the_secret()
    {
        var system = await SystemAsync("TOKENS_AUDITED");
        var issued = await fixture.ApiTokens.IssueAsync(system, "audited", "ivanova", Token);
        await fixture.ApiTokens.RetireAsync(issued.Token.Id, "petrov", Token);

        var audit = await fixture.Directory.AuditAsync(10, ApiTokenStore.AuditEntity, issued.Token.Id.ToString(), Token);

        Assert.Equal(["petrov", "ivanova"], audit.Select(a => a.Actor));
        Assert.Null(audit[1].Before);
        Assert.Equal(system, JsonDocument.Parse(audit[1].After!).RootElement.GetProperty("system").GetString());
        Assert.False(JsonDocument.Parse(audit[0].Before!).RootElement.TryGetProperty("retiredAt", out _));
        Assert.True(JsonDocument.Parse(audit[0].After!).RootElement.TryGetProperty("retiredAt", out _));
        Assert.All(audit, a => Assert.DoesNotContain(issued.Secret, a.Before + a.After));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM directory_audit a WHERE strpos(a::text, $1) > 0", issued.Secret));
    }

    [Fact]
    public async Task an_unknown_system_a_retired_one_and_one_of_a_retired_participant_get_no_token()
    {
        var retiredSystem = await SystemAsync("TOKENS_SYSTEM_GONE");
        var ofRetiredParticipant = await SystemAsync("TOKENS_BODY_GONE");
        await fixture.Directory.ChangeAsync("setup", c => c with
        {
            Systems = [.. c.Systems.Where(s => s.Mnemonic != retiredSystem)],
            Participants = [.. c.Participants.Where(p => p.Mnemonic != "TOKENS_BODY_GONE")],
        }, Token);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.ApiTokens.IssueAsync("NO_SUCH_SYSTEM", null, "ivanova", Token));
        await Assert.ThrowsAsync<RetiredEntryException>(() => fixture.ApiTokens.IssueAsync(retiredSystem, null, "ivanova", Token));
        await Assert.ThrowsAsync<RetiredEntryException>(() => fixture.ApiTokens.IssueAsync(ofRetiredParticipant, null, "ivanova", Token));
        Assert.Equal(0, await fixture.CountAsync("SELECT count(*) FROM api_tokens WHERE system IN ($1, $2)", retiredSystem, ofRetiredParticipant));
    }
}
