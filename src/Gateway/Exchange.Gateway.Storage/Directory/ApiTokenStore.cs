using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Internal;
using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>
/// API tokens, with which an information system calls the participant JSON API (plain HTTP carries no signature to
/// identify it). A token is 32 random bytes, shown once when issued; only its SHA-256 is stored, so neither this table
/// nor a backup of it opens anything. Issuing and retiring are audited like every directory change
/// (<see cref="AuditEntity"/>, keyed by the token's id, without the secret). Tokens are looked up in PostgreSQL on every
/// call rather than cached, so a retired token is refused at once on every node.
/// </summary>
public sealed class ApiTokenStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string AuditEntity = "api_token";

    // Marks the text as ours, so a token pasted into the wrong place (a log, a ticket) is recognisable for what it is.
    private const string SecretPrefix = "exs_";
    private const string Columns = "id, system, label, created_at, created_by, retired_at";

    /// <exception cref="KeyNotFoundException">The system is not in the directory.</exception>
    /// <exception cref="RetiredEntryException">The system, or its participant, is retired.</exception>
    public async Task<IssuedApiToken> IssueAsync(string system, string? label, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RequireActiveSystemAsync(connection, system, cancellationToken);

        var secret = SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO api_tokens (system, sha256, label, created_at, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id
            """, connection);
        insert.Parameters.AddWithValue(system);
        insert.Parameters.AddWithValue(Hash(secret));
        insert.Parameters.Add(NullableParameter.Text(label));
        insert.Parameters.AddWithValue(now);
        insert.Parameters.AddWithValue(actor);
        var token = new ApiToken((long)(await insert.ExecuteScalarAsync(cancellationToken))!, system, label, now, actor);

        await AuditAsync(connection, actor, now, before: null, after: token, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new IssuedApiToken(token, secret);
    }

    /// <summary>The system's tokens, retired ones included, oldest first.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(string system, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM api_tokens WHERE system = $1 ORDER BY id");
        command.Parameters.AddWithValue(system);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<ApiToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tokens.Add(Read(reader));
        }
        return tokens;
    }

    /// <summary>Retires the token from now on; one retired before stays as it was (and is not audited again).</summary>
    /// <returns>The token as it is now; null when there is no token with this id.</returns>
    public async Task<ApiToken?> RetireAsync(long id, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new NpgsqlCommand($"SELECT {Columns} FROM api_tokens WHERE id = $1 FOR UPDATE", connection);
        select.Parameters.AddWithValue(id);
        ApiToken? token;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            token = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }
        if (token is not { IsActive: true })
        {
            return token;
        }

        var now = time.GetUtcNow();
        var retired = token with { RetiredAt = now };
        await DirectoryTables.ExecuteAsync(connection, "UPDATE api_tokens SET retired_at = $2 WHERE id = $1", cancellationToken, id, now);
        await AuditAsync(connection, actor, now, token, retired, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return retired;
    }

    /// <summary>The information system an unretired token was issued to; null for any other text.</summary>
    /// <remarks>
    /// Whether that system and its participant are still active is the directory's to say, not this table's.
    /// The lookup is by hash, so it takes the same time whatever part of a token an attacker guessed.
    /// </remarks>
    public async Task<string?> FindSystemAsync(string presented, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT system FROM api_tokens WHERE sha256 = $1 AND retired_at IS NULL");
        command.Parameters.AddWithValue(Hash(presented));
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task RequireActiveSystemAsync(NpgsqlConnection connection, string system, CancellationToken cancellationToken)
    {
        // FOR SHARE: a directory change retiring the system waits for this token to be committed, and the other way round.
        await using var command = new NpgsqlCommand("""
            SELECT s.retired_at IS NOT NULL, p.mnemonic, p.retired_at IS NOT NULL
            FROM information_systems s JOIN participants p ON p.mnemonic = s.participant
            WHERE s.mnemonic = $1
            FOR SHARE
            """, connection);
        command.Parameters.AddWithValue(system);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new KeyNotFoundException($"There is no information system {system}.");
        }
        if (reader.GetBoolean(0))
        {
            throw new RetiredEntryException($"Information system {system} is retired; a retired system gets no API tokens.");
        }
        if (reader.GetBoolean(2))
        {
            throw new RetiredEntryException($"Participant {reader.GetString(1)} of information system {system} is retired; its systems get no API tokens.");
        }
    }

    private static Task AuditAsync(NpgsqlConnection connection, string actor, DateTimeOffset at, ApiToken? before, ApiToken after,
        CancellationToken cancellationToken) =>
        new DirectoryAuditWriter(connection, actor, at).WriteAsync(AuditEntity, after.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            before is null ? null : JsonSerializer.Serialize(before, DirectoryNames.Json), JsonSerializer.Serialize(after, DirectoryNames.Json),
            cancellationToken);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static ApiToken Read(NpgsqlDataReader reader) => new(reader.GetInt64(0), reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
}
