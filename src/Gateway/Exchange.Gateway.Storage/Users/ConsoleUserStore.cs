using System.Text.Json;
using Exchange.Domain.Directory;
using Exchange.Domain.Users;
using Exchange.Gateway.Storage.Directory;
using Exchange.Gateway.Storage.Internal;
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

    /// <summary>The user of that name; null when there is none. Asked on every console request: no hash is read.</summary>
    public async Task<ConsoleUser?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM console_users WHERE name = $1");
        command.Parameters.AddWithValue(name);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>
    /// One sign-in attempt, decided under the user's row lock so that attempts made at once are counted one after the
    /// other: once the <paramref name="lockoutAttempts"/>th wrong password in a row locks the user for
    /// <paramref name="lockoutDuration"/>, no attempt waiting behind it gets in, right password or not.
    /// <paramref name="passwordMatches"/> is asked for every attempt (with null when there is no such user), so a
    /// refusal takes as long whatever its reason.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string name, Func<string?, bool> passwordMatches, int lockoutAttempts, TimeSpan lockoutDuration,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            $"SELECT {Columns}, password_hash, locked_until, failed_attempts FROM console_users WHERE name = $1 FOR UPDATE", connection);
        select.Parameters.AddWithValue(name);
        ConsoleUser? user = null;
        string? hash = null;
        DateTimeOffset? lockedUntil = null;
        var failedAttempts = 0;
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                (user, hash) = (Read(reader), reader.GetString(6));
                lockedUntil = reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7);
                failedAttempts = reader.GetInt32(8);
            }
        }
        var passwordIsRight = passwordMatches(hash);
        var now = time.GetUtcNow();
        var refusal = user switch
        {
            null => "no such user",
            { IsDisabled: true } => "the user is disabled",
            _ when lockedUntil > now => $"the user is locked out until {lockedUntil:O}",
            _ => null,
        };
        SignInOutcome outcome;
        if (refusal is not null)
        {
            outcome = new SignInOutcome(null, refusal);
        }
        else if (passwordIsRight)
        {
            await DirectoryTables.ExecuteAsync(connection,
                "UPDATE console_users SET failed_attempts = 0, last_sign_in_at = $2 WHERE name = $1", cancellationToken, [name, now]);
            outcome = new SignInOutcome(user, null);
        }
        else
        {
            var locks = failedAttempts + 1 >= lockoutAttempts;
            await DirectoryTables.ExecuteAsync(connection,
                "UPDATE console_users SET failed_attempts = $2, locked_until = $3 WHERE name = $1", cancellationToken,
                [name, locks ? 0 : failedAttempts + 1, NullableParameter.Time(locks ? now + lockoutDuration : lockedUntil)]);
            outcome = new SignInOutcome(null, "wrong password", locks ? now + lockoutDuration : null);
        }
        await transaction.CommitAsync(cancellationToken);
        return outcome;
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
