using Npgsql;

namespace Exchange.Gateway.Storage.Directory;

/// <summary>Who takes part, which certificate identifies whom, and who provides which message type.</summary>
public sealed class ParticipantDirectory(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>The participant a certificate belongs to, with that certificate's record; null when unknown.</summary>
    public async Task<(Participant Participant, ParticipantCertificate Certificate)?> FindByCertificateAsync(
        string thumbprint, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.mnemonic, p.name, c.subject, c.not_before, c.not_after
            FROM participant_certificates c JOIN participants p ON p.mnemonic = c.mnemonic
            WHERE c.thumbprint = $1
            """);
        command.Parameters.AddWithValue(thumbprint);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var participant = new Participant(reader.GetString(0), reader.GetString(1));
        return (participant, new ParticipantCertificate(thumbprint, participant.Mnemonic, reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3), reader.GetFieldValue<DateTimeOffset>(4)));
    }

    public async Task<Participant?> FindAsync(string mnemonic, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT mnemonic, name FROM participants WHERE mnemonic = $1");
        command.Parameters.AddWithValue(mnemonic);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Participant(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<Participant?> FindProviderAsync(string namespaceUri, string rootElement, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT p.mnemonic, p.name
            FROM message_type_providers t JOIN participants p ON p.mnemonic = t.provider
            WHERE t.namespace_uri = $1 AND t.root_element = $2
            """);
        command.Parameters.AddWithValue(namespaceUri);
        command.Parameters.AddWithValue(rootElement);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new Participant(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Whether <paramref name="mnemonic"/> is registered as the provider of the type.</summary>
    public async Task<bool> ProvidesAsync(string mnemonic, string namespaceUri, string rootElement, CancellationToken cancellationToken) =>
        (await FindProviderAsync(namespaceUri, rootElement, cancellationToken))?.Mnemonic == mnemonic;

    public async Task<IReadOnlyList<Participant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT mnemonic, name FROM participants ORDER BY mnemonic");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var participants = new List<Participant>();
        while (await reader.ReadAsync(cancellationToken))
        {
            participants.Add(new Participant(reader.GetString(0), reader.GetString(1)));
        }
        return participants;
    }

    /// <summary>Adds or updates participants, certificates and providers in one transaction.</summary>
    public async Task UpsertAsync(IEnumerable<Participant> participants, IEnumerable<ParticipantCertificate> certificates,
        IEnumerable<ProvidedType> providedTypes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var participant in participants)
        {
            await ExecuteAsync(connection, """
                INSERT INTO participants (mnemonic, name, created_at) VALUES ($1, $2, $3)
                ON CONFLICT (mnemonic) DO UPDATE SET name = excluded.name
                """, cancellationToken, participant.Mnemonic, participant.Name, now);
        }
        foreach (var certificate in certificates)
        {
            await ExecuteAsync(connection, """
                INSERT INTO participant_certificates (thumbprint, mnemonic, subject, not_before, not_after)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (thumbprint) DO UPDATE
                SET mnemonic = excluded.mnemonic, subject = excluded.subject,
                    not_before = excluded.not_before, not_after = excluded.not_after
                """, cancellationToken, certificate.Thumbprint, certificate.Mnemonic, certificate.Subject,
                certificate.NotBefore, certificate.NotAfter);
        }
        foreach (var type in providedTypes)
        {
            await ExecuteAsync(connection, """
                INSERT INTO message_type_providers (namespace_uri, root_element, provider) VALUES ($1, $2, $3)
                ON CONFLICT (namespace_uri, root_element) DO UPDATE SET provider = excluded.provider
                """, cancellationToken, type.NamespaceUri, type.RootElement, type.Provider);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
