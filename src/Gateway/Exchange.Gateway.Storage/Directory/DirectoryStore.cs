using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>
/// The directory in PostgreSQL. Every change goes through <see cref="ChangeAsync"/>: the whole directory is read under a
/// lock, changed, validated, written entry by entry with an audit record for each difference, and announced on
/// <see cref="ChangeChannel"/> so every gateway node reloads it.
/// </summary>
public sealed class DirectoryStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The LISTEN/NOTIFY channel that tells gateway nodes the directory changed.</summary>
    public const string ChangeChannel = "exchange_directory";

    // Serialises directory changes across nodes; distinct from the migration runner's key.
    private const long ChangeLockKey = 0x45786368_44697265;

    public async Task<DirectoryContent> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the six tables: a load overlapping a change must not see its certificates without its systems.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var content = await DirectoryTables.ReadAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return content;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current directory. Entries missing from its result are retired
    /// (participants, systems, certificates, types: history refers to them) or deleted (providers, permissions).
    /// </summary>
    /// <returns>The audited differences; empty when the result equals the current directory.</returns>
    /// <exception cref="DirectoryValidationException">The result would be inconsistent; nothing is changed.</exception>
    public Task<IReadOnlyList<DirectoryChange>> ChangeAsync(string actor, Func<DirectoryContent, DirectoryContent> change,
        CancellationToken cancellationToken) => ChangeAsync(actor, change, importedFile: null, cancellationToken);

    /// <summary>
    /// Makes the directory what a directory file says, unless a file with the same content was imported before (then
    /// nothing changes, so what administrators changed since is kept); null when it was imported before.
    /// </summary>
    public async Task<IReadOnlyList<DirectoryChange>?> ImportFileAsync(string actor, string fileName, byte[] fileContent,
        DirectoryContent content, CancellationToken cancellationToken)
    {
        var file = new ImportedFile(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(fileContent)), fileName);
        var changes = await ChangeAsync(actor, _ => content, file, cancellationToken);
        return file.AlreadyImported ? null : changes;
    }

    private async Task<IReadOnlyList<DirectoryChange>> ChangeAsync(string actor, Func<DirectoryContent, DirectoryContent> change,
        ImportedFile? importedFile, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DirectoryTables.ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({ChangeLockKey})", cancellationToken);
        if (importedFile is not null && !await RecordImportAsync(connection, importedFile, actor, cancellationToken))
        {
            importedFile.AlreadyImported = true;
            return [];
        }

        var before = await DirectoryTables.ReadAsync(connection, cancellationToken);
        var now = time.GetUtcNow();
        var after = KeepRetired(before, change(before), now);
        var problems = DirectoryValidator.Problems(after);
        if (problems.Count > 0)
        {
            throw new DirectoryValidationException(problems);
        }

        var audit = new DirectoryAuditWriter(connection, actor, now);
        await Participants.ApplyAsync(connection, before.Participants, after.Participants, now, audit, cancellationToken);
        await Systems.ApplyAsync(connection, before.Systems, after.Systems, now, audit, cancellationToken);
        await Certificates.ApplyAsync(connection, before.Certificates, after.Certificates, now, audit, cancellationToken);
        await Types.ApplyAsync(connection, before.Types, after.Types, now, audit, cancellationToken);
        await Providers.ApplyAsync(connection, before.Providers, after.Providers, now, audit, cancellationToken);
        await Permissions.ApplyAsync(connection, before.Permissions, after.Permissions, now, audit, cancellationToken);

        if (audit.Changes.Count > 0)
        {
            await DirectoryTables.ExecuteAsync(connection, $"SELECT pg_notify('{ChangeChannel}', '')", cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return audit.Changes;
    }

    private sealed record ImportedFile(string Sha256, string FileName)
    {
        public bool AlreadyImported { get; set; }
    }

    /// <summary>Records the file as imported; false when it was imported before.</summary>
    private async Task<bool> RecordImportAsync(NpgsqlConnection connection, ImportedFile file, string actor, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO directory_file_imports (sha256, file_name, imported_at, actor) VALUES ($1, $2, $3, $4)
            ON CONFLICT (sha256) DO NOTHING
            """, connection);
        command.Parameters.AddWithValue(file.Sha256);
        command.Parameters.AddWithValue(file.FileName);
        command.Parameters.AddWithValue(time.GetUtcNow());
        command.Parameters.AddWithValue(actor);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>What a change leaves out of the kinds history refers to stays, retired from now on.</summary>
    private static DirectoryContent KeepRetired(DirectoryContent before, DirectoryContent after, DateTimeOffset now) => after with
    {
        Participants = Participants.KeepRetired(before.Participants, after.Participants, now),
        Systems = Systems.KeepRetired(before.Systems, after.Systems, now),
        Certificates = Certificates.KeepRetired(before.Certificates, after.Certificates, now),
        Types = Types.KeepRetired(before.Types, after.Types, now),
    };

    /// <summary>The latest audited changes, newest first; optionally of one entity kind and key.</summary>
    public async Task<IReadOnlyList<DirectoryChange>> AuditAsync(int limit, string? entity, string? key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, at, actor, entity, key, before::text, after::text FROM directory_audit
            WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR key = $2)
            ORDER BY id DESC LIMIT $3
            """);
        command.Parameters.Add(NullableParameter.Text(entity));
        command.Parameters.Add(NullableParameter.Text(key));
        command.Parameters.AddWithValue(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<DirectoryChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new DirectoryChange(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return changes;
    }

    private static readonly EntityKind<Participant> Participants = new("participant", p => p.Mnemonic, p => p,
        (p, now) => p.RetiredAt is null ? p with { RetiredAt = now } : p,
        (c, p, now, ct) => DirectoryTables.UpsertAsync(c, p, now, ct), Delete: null);

    private static readonly EntityKind<InformationSystem> Systems = new("information_system", s => s.Mnemonic, s => s,
        (s, now) => s.RetiredAt is null ? s with { RetiredAt = now } : s,
        (c, s, _, ct) => DirectoryTables.UpsertAsync(c, s, ct), Delete: null);

    // The DER is identified by the thumbprint; audit records keep what a reviewer reads.
    private static readonly EntityKind<SystemCertificate> Certificates = new("certificate", c => c.Thumbprint,
        c => new { c.Thumbprint, c.System, c.Subject, c.NotBefore, c.NotAfter, c.RetiredAt },
        (c, now) => c.RetiredAt is null ? c with { RetiredAt = now } : c,
        (c, certificate, _, ct) => DirectoryTables.UpsertAsync(c, certificate, ct), Delete: null);

    private static readonly EntityKind<DirectoryMessageType> Types = new("message_type", t => $"{{{t.NamespaceUri}}}{t.RootElement}", t => t,
        (t, now) => t.RetiredAt is null ? t with { RetiredAt = now } : t,
        (c, t, _, ct) => DirectoryTables.UpsertAsync(c, t, ct), Delete: null);

    private static readonly EntityKind<TypeProvider> Providers = new("provider",
        p => $"{{{p.NamespaceUri}}}{p.RootElement}@{p.Territory ?? "region"}", p => p, Retire: null,
        (c, p, _, ct) => DirectoryTables.InsertAsync(c, p, ct), (c, p, ct) => DirectoryTables.DeleteAsync(c, p, ct));

    private static readonly EntityKind<Permission> Permissions = new("permission",
        p => $"{p.Sender ?? "*"}->{{{p.NamespaceUri}}}{p.RootElement}->{(p.Recipient ?? DirectoryNames.Of(p.Recipients))}", p => p, Retire: null,
        (c, p, _, ct) => DirectoryTables.InsertAsync(c, p, ct), (c, p, ct) => DirectoryTables.DeleteAsync(c, p, ct));

    /// <summary>How one kind of entry is keyed, audited, written and removed.</summary>
    private sealed record EntityKind<T>(
        string Entity,
        Func<T, string> Key,
        Func<T, object> Audited,
        Func<T, DateTimeOffset, T>? Retire,
        Func<NpgsqlConnection, T, DateTimeOffset, CancellationToken, Task> Write,
        Func<NpgsqlConnection, T, CancellationToken, Task>? Delete) where T : notnull
    {
        public IReadOnlyList<T> KeepRetired(IReadOnlyList<T> before, IReadOnlyList<T> after, DateTimeOffset now)
        {
            var kept = after.Select(Key).ToHashSet(StringComparer.Ordinal);
            return [.. after, .. before.Where(entry => !kept.Contains(Key(entry))).Select(entry => Retire!(entry, now))];
        }

        /// <summary>Writes the differences; entries missing from <paramref name="after"/> are deleted (retiring happened before).</summary>
        public async Task ApplyAsync(NpgsqlConnection connection, IReadOnlyList<T> before, IReadOnlyList<T> after, DateTimeOffset now,
            DirectoryAuditWriter audit, CancellationToken cancellationToken)
        {
            var old = before.ToDictionary(Key, StringComparer.Ordinal);
            var wanted = after.ToDictionary(Key, StringComparer.Ordinal);
            foreach (var (key, previous) in old.Where(entry => !wanted.ContainsKey(entry.Key)))
            {
                await Delete!(connection, previous, cancellationToken);
                await audit.WriteAsync(Entity, key, Json(previous), null, cancellationToken);
            }
            foreach (var (key, entry) in wanted)
            {
                var previousJson = old.TryGetValue(key, out var previous) ? Json(previous) : null;
                var json = Json(entry);
                if (previousJson == json)
                {
                    continue;
                }
                if (previous is not null && Delete is not null)
                {
                    await Delete(connection, previous, cancellationToken);
                }
                await Write(connection, entry, now, cancellationToken);
                await audit.WriteAsync(Entity, key, previousJson, json, cancellationToken);
            }
        }

        private string Json(T entry) => JsonSerializer.Serialize(Audited(entry), DirectoryNames.Json);
    }
}
