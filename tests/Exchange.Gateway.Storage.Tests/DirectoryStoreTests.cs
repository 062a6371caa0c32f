using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests;

/// <summary>The directory's store: whole-directory changes, validated, audited entry by entry, announced by NOTIFY.</summary>
public sealed class DirectoryStoreTests(StorageFixture fixture) : IClassFixture<StorageFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static SystemCertificate Certificate(string system)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest($"CN={system}", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return new SystemCertificate(Convert.ToHexString(SHA256.HashData(certificate.RawData)), system, certificate.Subject,
            certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), certificate.RawData);
    }

    private static DirectoryContent With(DirectoryContent c, string district, string settlement) => c with
    {
        Participants = [.. c.Participants, new(district, $"{district} district", ParticipantLevel.District), new(settlement, $"{settlement} settlement", ParticipantLevel.Settlement, district)],
        Systems = [.. c.Systems, new($"{district}_EDMS", district, "EDMS")],
        Certificates = [.. c.Certificates, Certificate($"{district}_EDMS")],
    };

    [Fact]
    public async Task a_change_is_stored_and_every_added_entry_is_audited_with_its_actor()
    {
        var changes = await fixture.Directory.ChangeAsync("ivanova", c => With(c, "D1", "S1"), Token);

        Assert.Equal(["certificate", "information_system", "participant", "participant"], changes.Select(c => c.Entity).Order());
        Assert.All(changes, c => Assert.Equal("ivanova", c.Actor));
        Assert.All(changes, c => Assert.Null(c.Before));
        var loaded = await fixture.Directory.LoadAsync(Token);
        Assert.Equal("D1", loaded.Participants.Single(p => p.Mnemonic == "S1").Parent);
        Assert.Equal(changes.Count, (await fixture.Directory.AuditAsync(100, null, null, Token)).Count(a => a.Actor == "ivanova"));
    }

    [Fact]
    public async Task a_changed_entry_is_audited_with_before_and_after_and_an_unchanged_one_not_at_all()
    {
        await fixture.Directory.ChangeAsync("setup", c => With(c, "D2", "S2"), Token);

        var changes = await fixture.Directory.ChangeAsync("petrov", c => c with
        {
            Participants = [.. c.Participants.Select(p => p.Mnemonic == "D2" ? p with { Name = "Renamed district" } : p)],
        }, Token);

        var change = Assert.Single(changes);
        Assert.Equal(("participant", "D2"), (change.Entity, change.Key));
        Assert.Equal("D2 district", JsonDocument.Parse(change.Before!).RootElement.GetProperty("name").GetString());
        Assert.Equal("Renamed district", JsonDocument.Parse(change.After!).RootElement.GetProperty("name").GetString());
        Assert.Empty(await fixture.Directory.ChangeAsync("petrov", c => c, Token));
    }

    [Fact]
    public async Task what_a_change_leaves_out_is_retired_when_history_refers_to_it_and_removed_otherwise()
    {
        var type = new DirectoryMessageType("urn:test:store", "Thing", "Thing", MessageTypeKind.Request);
        await fixture.Directory.ChangeAsync("setup", c => With(c, "D3", "S3") with
        {
            Types = [.. c.Types, type],
            Permissions = [.. c.Permissions, new Permission("D3", type.NamespaceUri, type.RootElement, PermittedRecipients.Any)],
        }, Token);
        fixture.Time.Advance(TimeSpan.FromHours(1));

        var changes = await fixture.Directory.ChangeAsync("admin", c => c with
        {
            Participants = [.. c.Participants.Where(p => p.Mnemonic != "S3")],
            Permissions = [.. c.Permissions.Where(p => p.Sender != "D3")],
        }, Token);

        var loaded = await fixture.Directory.LoadAsync(Token);
        Assert.Equal(fixture.Time.GetUtcNow(), loaded.Participants.Single(p => p.Mnemonic == "S3").RetiredAt);
        Assert.DoesNotContain(loaded.Permissions, p => p.Sender == "D3");
        Assert.Contains(changes, c => c.Entity == "permission" && c.After is null);
        Assert.Contains(changes, c => c.Entity == "participant" && c.Key == "S3" && c.After!.Contains("retiredAt"));
    }

    [Fact]
    public async Task an_inconsistent_result_is_refused_with_every_problem_and_changes_nothing()
    {
        var before = await fixture.Directory.LoadAsync(Token);

        var refused = await Assert.ThrowsAsync<DirectoryValidationException>(() => fixture.Directory.ChangeAsync("admin", c => c with
        {
            Participants = [.. c.Participants, new("ORPHAN", "Settlement without a district", ParticipantLevel.Settlement), new("bad name!", "x", ParticipantLevel.Portal)],
            Systems = [.. c.Systems, new("GHOST_EDMS", "NOBODY", "EDMS")],
        }, Token));

        Assert.Contains(refused.Problems, p => p.Contains("ORPHAN") && p.Contains("district"));
        Assert.Contains(refused.Problems, p => p.Contains("'bad name!'"));
        Assert.Contains(refused.Problems, p => p.Contains("GHOST_EDMS") && p.Contains("NOBODY"));
        var after = await fixture.Directory.LoadAsync(Token);
        Assert.Equal(before.Participants.Count, after.Participants.Count);
        Assert.Equal(before.Systems.Count, after.Systems.Count);
    }

    [Fact]
    public async Task a_certificate_whose_thumbprint_is_not_its_hash_is_refused()
    {
        var certificate = Certificate("D4_EDMS") with { Thumbprint = new string('A', 64) };

        var refused = await Assert.ThrowsAsync<DirectoryValidationException>(() => fixture.Directory.ChangeAsync("admin",
            c => With(c, "D4", "S4") with { Certificates = [.. c.Certificates, certificate] }, Token));

        Assert.Contains(refused.Problems, p => p.Contains("not the SHA-256"));
    }

    [Fact]
    public async Task a_committed_change_is_announced_to_listeners_and_a_refused_one_is_not()
    {
        await using var listener = await fixture.DataSource.OpenConnectionAsync(Token);
        var notifications = 0;
        listener.Notification += (_, e) => notifications += e.Channel == DirectoryStore.ChangeChannel ? 1 : 0;
        await using (var listen = new NpgsqlCommand($"LISTEN {DirectoryStore.ChangeChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync(Token);
        }

        await Assert.ThrowsAsync<DirectoryValidationException>(() => fixture.Directory.ChangeAsync("admin",
            c => c with { Participants = [.. c.Participants, new("", "", ParticipantLevel.Portal)] }, Token));
        await fixture.Directory.ChangeAsync("admin", c => With(c, "D5", "S5"), Token);
        await listener.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal(1, notifications);
    }

    [Fact]
    public async Task a_directory_file_is_applied_once_per_version_so_later_admin_changes_survive_a_restart()
    {
        var current = await fixture.Directory.LoadAsync(Token);
        var fileVersion1 = With(current, "F1", "FS1");
        byte[] bytes1 = [1, 2, 3];

        Assert.NotNull(await fixture.Directory.ImportFileAsync("file:directory.json", "directory.json", bytes1, fileVersion1, Token));
        await fixture.Directory.ChangeAsync("admin", c => c with
        {
            Participants = [.. c.Participants, new Participant("ADDED_LATER", "Added by an administrator", ParticipantLevel.Institution)],
        }, Token);

        // The same file at the next start: nothing changes, the administrator's participant stays active.
        Assert.Null(await fixture.Directory.ImportFileAsync("file:directory.json", "directory.json", bytes1, fileVersion1, Token));
        Assert.Null((await fixture.Directory.LoadAsync(Token)).Participants.Single(p => p.Mnemonic == "ADDED_LATER").RetiredAt);

        // A new version of the file is the directory again: what it leaves out is retired.
        var changes = await fixture.Directory.ImportFileAsync("file:directory.json", "directory.json", [1, 2, 3, 4], fileVersion1, Token);
        Assert.Contains(changes!, c => c.Key == "ADDED_LATER");
        Assert.NotNull((await fixture.Directory.LoadAsync(Token)).Participants.Single(p => p.Mnemonic == "ADDED_LATER").RetiredAt);
    }
}
