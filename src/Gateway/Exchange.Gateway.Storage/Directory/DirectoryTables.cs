using Exchange.Domain.Directory;
using Npgsql;
using static Exchange.Gateway.Storage.Internal.NullableParameter;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>Reads the directory tables into a <see cref="DirectoryContent"/> and writes single entries back.</summary>
internal static class DirectoryTables
{
    public static async Task<DirectoryContent> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken) => new(
        await ReadAllAsync(connection, "SELECT mnemonic, name, level, parent, retired_at FROM participants ORDER BY mnemonic",
            r => new Participant(r.GetString(0), r.GetString(1), DirectoryNames.Parse<ParticipantLevel>(r.GetString(2)),
                NullableString(r, 3), NullableTime(r, 4)), cancellationToken),
        await ReadAllAsync(connection, "SELECT mnemonic, participant, name, retired_at FROM information_systems ORDER BY mnemonic",
            r => new InformationSystem(r.GetString(0), r.GetString(1), r.GetString(2), NullableTime(r, 3)), cancellationToken),
        await ReadAllAsync(connection, "SELECT thumbprint, system, subject, not_before, not_after, der, retired_at FROM system_certificates ORDER BY system, not_before",
            r => new SystemCertificate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<byte[]>(5), NullableTime(r, 6)), cancellationToken),
        await ReadAllAsync(connection, """
            SELECT namespace_uri, root_element, name, kind, broadcast_level, answer_days, answer_day_kind, retired_at
            FROM message_types ORDER BY namespace_uri, root_element
            """,
            r => new DirectoryMessageType(r.GetString(0), r.GetString(1), r.GetString(2), DirectoryNames.Parse<MessageTypeKind>(r.GetString(3)),
                r.IsDBNull(4) ? null : DirectoryNames.Parse<ParticipantLevel>(r.GetString(4)),
                r.IsDBNull(5) ? null : new AnswerDeadline(r.GetInt32(5), DirectoryNames.Parse<DayKind>(r.GetString(6))),
                NullableTime(r, 7)), cancellationToken),
        await ReadAllAsync(connection, "SELECT namespace_uri, root_element, territory, provider FROM type_providers ORDER BY namespace_uri, root_element, territory NULLS FIRST",
            r => new TypeProvider(r.GetString(0), r.GetString(1), NullableString(r, 2), r.GetString(3)), cancellationToken),
        await ReadAllAsync(connection, """
            SELECT sender, namespace_uri, root_element, recipients, recipient FROM permissions
            ORDER BY namespace_uri, root_element, sender NULLS FIRST, recipients, recipient NULLS FIRST
            """,
            r => new Permission(NullableString(r, 0), r.GetString(1), r.GetString(2), DirectoryNames.Parse<PermittedRecipients>(r.GetString(3)),
                NullableString(r, 4)), cancellationToken));

    public static Task UpsertAsync(NpgsqlConnection connection, Participant p, DateTimeOffset now, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO participants (mnemonic, name, level, parent, retired_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (mnemonic) DO UPDATE
            SET name = excluded.name, level = excluded.level, parent = excluded.parent, retired_at = excluded.retired_at
            """, cancellationToken, p.Mnemonic, p.Name, DirectoryNames.Of(p.Level), Text(p.Parent), Time(p.RetiredAt), now);

    public static Task UpsertAsync(NpgsqlConnection connection, InformationSystem s, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO information_systems (mnemonic, participant, name, retired_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (mnemonic) DO UPDATE SET participant = excluded.participant, name = excluded.name, retired_at = excluded.retired_at
            """, cancellationToken, s.Mnemonic, s.Participant, s.Name, Time(s.RetiredAt));

    public static Task UpsertAsync(NpgsqlConnection connection, SystemCertificate c, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO system_certificates (thumbprint, system, subject, not_before, not_after, der, retired_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (thumbprint) DO UPDATE
            SET system = excluded.system, subject = excluded.subject, not_before = excluded.not_before,
                not_after = excluded.not_after, der = excluded.der, retired_at = excluded.retired_at
            """, cancellationToken, c.Thumbprint, c.System, c.Subject, c.NotBefore, c.NotAfter, c.Der, Time(c.RetiredAt));

    public static Task UpsertAsync(NpgsqlConnection connection, DirectoryMessageType t, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            INSERT INTO message_types (namespace_uri, root_element, name, kind, broadcast_level, answer_days, answer_day_kind, retired_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (namespace_uri, root_element) DO UPDATE
            SET name = excluded.name, kind = excluded.kind, broadcast_level = excluded.broadcast_level,
                answer_days = excluded.answer_days, answer_day_kind = excluded.answer_day_kind, retired_at = excluded.retired_at
            """, cancellationToken, t.NamespaceUri, t.RootElement, t.Name, DirectoryNames.Of(t.Kind),
            Text(t.BroadcastLevel is { } level ? DirectoryNames.Of(level) : null),
            Integer(t.AnswerDeadline?.Days),
            Text(t.AnswerDeadline is { } deadline ? DirectoryNames.Of(deadline.DayKind) : null), Time(t.RetiredAt));

    public static Task InsertAsync(NpgsqlConnection connection, TypeProvider p, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "INSERT INTO type_providers (namespace_uri, root_element, territory, provider) VALUES ($1, $2, $3, $4)",
            cancellationToken, p.NamespaceUri, p.RootElement, Text(p.Territory), p.Provider);

    public static Task DeleteAsync(NpgsqlConnection connection, TypeProvider p, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            DELETE FROM type_providers WHERE namespace_uri = $1 AND root_element = $2 AND territory IS NOT DISTINCT FROM $3
            """, cancellationToken, p.NamespaceUri, p.RootElement, Text(p.Territory));

    public static Task InsertAsync(NpgsqlConnection connection, Permission p, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, "INSERT INTO permissions (sender, namespace_uri, root_element, recipients, recipient) VALUES ($1, $2, $3, $4, $5)",
            cancellationToken, Text(p.Sender), p.NamespaceUri, p.RootElement, DirectoryNames.Of(p.Recipients), Text(p.Recipient));

    public static Task DeleteAsync(NpgsqlConnection connection, Permission p, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, """
            DELETE FROM permissions
            WHERE sender IS NOT DISTINCT FROM $1 AND namespace_uri = $2 AND root_element = $3 AND recipients = $4
              AND recipient IS NOT DISTINCT FROM $5
            """, cancellationToken, Text(p.Sender), p.NamespaceUri, p.RootElement, DirectoryNames.Of(p.Recipients), Text(p.Recipient));

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static string? NullableString(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static DateTimeOffset? NullableTime(NpgsqlDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTimeOffset>(column);
}
