using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Domain.Users;
using Exchange.Gateway.Storage.Directory;
using Npgsql;

namespace Exchange.Gateway.Storage.Users;

/// <summary>
/// The operator console's users. Passwords arrive and leave hashed (the host hashes them); every administrative change
/// is audited like a directory change (<see cref="AuditEntity"/>, keyed by the name, never with the hash). Sign-in
/// bookkeeping (failed attempts, lockout) is not audited: the gateway's log says who failed and why.
/// </summary>
public sealed class ConsoleUserStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public const string AuditEntity = "console_user";

    private const string Columns = "name, roles, is_disabled, created_at, created_by, password_changed_at";

    /// <exception cref="DuplicateUserException">There is a user of that name.</exception>
    public async Task<ConsoleUser> AddAsync(string name, IReadOnlyList<string> roles, string passwordHash, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO console_users (name, password_hash, roles, created_at, created_by, password_changed_at) VALUES ($1, $2, $3, $4, $5, $4)
            ON CONFLICT (name) DO NOTHING
            """, connection);
        insert.Parameters.AddWithValue(name);
        insert.Parameters.AddWithValue(passwordHash);
        insert.Parameters.AddWithValue(roles.ToArray());
        insert.Parameters.AddWithValue(now);
        insert.Parameters.AddWithValue(actor);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw new DuplicateUserException(name);
        }
        var user = new ConsoleUser(name, roles, IsDisabled: false, now, actor, now);
        await AuditAsync(connection, actor, now, before: null, after: user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>Every user, disabled ones included, by name.</summary>
    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM console_users ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<ConsoleUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }
        return users;
    }

    /// <summary>The user of that name with its password hash and lockout; null when there is none.</summary>
    public async Task<StoredCredentials?> FindCredentialsAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, password_hash, locked_until FROM console_users WHERE name = $1");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredCredentials(Read(reader), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7))
            : null;
    }

    /// <summary>
    /// Counts a wrong password; the <paramref name="lockoutAttempts"/>th in a row locks the user for
    /// <paramref name="lockoutDuration"/> and starts the count again. One statement, so attempts made at once all count.
    /// </summary>
    /// <returns>Until when the user is locked now; null when it is not.</returns>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(string name, int lockoutAttempts, TimeSpan lockoutDuration, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE console_users
            SET failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
                locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3 ELSE locked_until END
            WHERE name = $1
            RETURNING locked_until
            """);
        var now = time.GetUtcNow();
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(lockoutAttempts);
        command.Parameters.AddWithValue(now + lockoutDuration);
        // Npgsql reads a timestamptz as a UTC DateTime.
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime lockedUntil && lockedUntil > now.UtcDateTime
            ? new DateTimeOffset(lockedUntil, TimeSpan.Zero)
            : null;
    }

    /// <summary>A successful sign-in: the count of wrong passwords starts again.</summary>
    public async Task RecordSignInAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE console_users SET failed_attempts = 0, last_sign_in_at = $2 WHERE name = $1");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Disables the user: it can no longer sign in, and its sessions end at their next request.</summary>
    /// <exception cref="KeyNotFoundException">There is no user of that name.</exception>
    public Task<ConsoleUser> DisableAsync(string name, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(name, actor, "is_disabled = true", [], user => user with { IsDisabled = true }, cancellationToken);

    /// <exception cref="KeyNotFoundException">There is no user of that name.</exception>
    public Task<ConsoleUser> SetRolesAsync(string name, IReadOnlyList<string> roles, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(name, actor, "roles = $2", [roles.ToArray()], user => user with { Roles = roles }, cancellationToken);

    /// <summary>Sets a new password and lifts a lockout.</summary>
    /// <exception cref="KeyNotFoundException">There is no user of that name.</exception>
    public Task<ConsoleUser> SetPasswordAsync(string name, string passwordHash, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return ChangeAsync(name, actor, "password_hash = $2, password_changed_at = $3, failed_attempts = 0, locked_until = NULL",
            [passwordHash, now], user => user with { PasswordChangedAt = now }, cancellationToken);
    }

    /// <param name="assignments">The SET clause; <c>$1</c> is the name, <c>$2</c>… the <paramref name="values"/>.</param>
    private async Task<ConsoleUser> ChangeAsync(string name, string actor, string assignments, object[] values, Func<ConsoleUser, ConsoleUser> change,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new NpgsqlCommand($"SELECT {Columns} FROM console_users WHERE name = $1 FOR UPDATE", connection);
        select.Parameters.AddWithValue(name);
        ConsoleUser before;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            before = await reader.ReadAsync(cancellationToken) ? Read(reader) : throw new KeyNotFoundException($"There is no user {name}.");
        }
        await DirectoryTables.ExecuteAsync(connection, $"UPDATE console_users SET {assignments} WHERE name = $1", cancellationToken, [name, .. values]);
        var after = change(before);
        await AuditAsync(connection, actor, time.GetUtcNow(), before, after, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    private static Task AuditAsync(NpgsqlConnection connection, string actor, DateTimeOffset at, ConsoleUser? before, ConsoleUser after,
        CancellationToken cancellationToken) =>
        new DirectoryAuditWriter(connection, actor, at).WriteAsync(AuditEntity, after.Name,
            before is null ? null : JsonSerializer.Serialize(before, DirectoryNames.Json), JsonSerializer.Serialize(after, DirectoryNames.Json),
            cancellationToken);

    private static ConsoleUser Read(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetBoolean(2),
        reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5));
}
