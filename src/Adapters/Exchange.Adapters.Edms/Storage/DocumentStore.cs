using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>Registered documents and their files.</summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource, JournalStore journals)
{
    internal const string Columns = """
        d.id, d.journal, d.number, d.kind, d.business_type, d.unknown_type, d.message_id, d.correspondent, d.correspondent_name,
        d.reply_to, d.applicant, d.subject, d.body, d.registered_at, d.answers, d.authorship
        """;

    /// <summary>Registers <paramref name="document"/> and its files under the next number of its journal.</summary>
    public async Task<RegisteredDocument> RegisterAsync(NpgsqlTransaction transaction, NewDocument document, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var number = await journals.TakeNumberAsync(transaction, document.Journal, cancellationToken);
        await using var insert = Sql.On(transaction, """
                INSERT INTO documents (journal, number, kind, business_type, unknown_type, message_id, correspondent, correspondent_name,
                                       reply_to, applicant, subject, body, content, registered_at, answers, authorship)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                RETURNING id
                """)
            .With(document.Journal).With(number).With(document.Kind.ToString().ToLowerInvariant()).With(document.BusinessType)
            .With(document.UnknownType).With(document.MessageId).With(document.Correspondent).With(document.CorrespondentName)
            .With(document.ReplyTo).With(document.Applicant).With(document.Subject).With(document.Body).With(document.Content)
            .WithTime(at).With(document.Answers).With(document.Authorship);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        foreach (var file in document.Files)
        {
            await using var add = Sql.On(transaction,
                    "INSERT INTO document_files (document_id, name, mime_type, content, sha256) VALUES ($1, $2, $3, $4, $5)")
                .With(id).With(file.Name).With(file.MimeType).With(file.Content).With(file.Sha256);
            await add.ExecuteNonQueryAsync(cancellationToken);
        }
        return new RegisteredDocument(id, new RegistrationNumber(document.Journal, number), at);
    }

    /// <summary>Records the MessageID an outgoing document is sent with and the business document sent.</summary>
    public async Task SetSentAsync(NpgsqlTransaction transaction, long id, Guid messageId, string content, CancellationToken cancellationToken)
    {
        await using var command = Sql.On(transaction, "UPDATE documents SET message_id = $2, content = $3 WHERE id = $1")
            .With(id).With(messageId).With(content);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Whether a message is registered already. Holds a transaction-scoped lock on the MessageID, so two deliveries of
    /// the same message at once register it once: the second waits for the first's commit, then finds it.
    /// </summary>
    public async Task<bool> IsRegisteredAsync(NpgsqlTransaction transaction, Guid messageId, CancellationToken cancellationToken)
    {
        await using (var lockMessage = Sql.On(transaction, "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))").With(messageId))
        {
            await lockMessage.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = Sql.On(transaction, "SELECT EXISTS (SELECT 1 FROM documents WHERE message_id = $1)").With(messageId);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The document with its files, control card and the answers that came back for it; null when there is none.</summary>
    public async Task<Document?> GetAsync(RegistrationNumber number, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        Document document;
        await using (var command = new NpgsqlCommand($"SELECT {Columns} FROM documents d WHERE d.journal = $1 AND d.number = $2", connection)
                         .With(number.Journal).With(number.Number))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            document = Read(reader);
        }
        return document with
        {
            Files = await FilesAsync(connection, document.Id, cancellationToken),
            Control = await ControlStore.ReadAsync(connection, document, cancellationToken),
            ExchangeAnswers = await ExchangeAnswerStore.ReadAsync(connection, document.Id, cancellationToken),
            DeliveryStatuses = document.Kind == DocumentKind.Outgoing && document.MessageId is { } sent
                ? await DeliveryStatusStore.ReadAsync(connection, sent, cancellationToken)
                : [],
        };
    }

    /// <summary>One file of a document with its bytes; null when the document has no such file.</summary>
    public async Task<(StoredFile File, byte[] Content)?> FileAsync(RegistrationNumber number, long fileId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
                SELECT f.id, f.name, f.mime_type, length(f.content), f.sha256, f.content
                FROM document_files f JOIN documents d ON d.id = f.document_id
                WHERE d.journal = $1 AND d.number = $2 AND f.id = $3
                """)
            .With(number.Journal).With(number.Number).With(fileId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (ReadFile(reader), reader.GetFieldValue<byte[]>(5)) : null;
    }

    internal static Document Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0), new RegistrationNumber(reader.GetString(1), reader.GetInt32(2)),
        Enum.Parse<DocumentKind>(reader.GetString(3), ignoreCase: true), reader.GetString(4), reader.GetBoolean(5),
        reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.NullableString(7), reader.NullableString(8), reader.NullableString(9),
        reader.NullableString(10), reader.GetString(11), reader.GetString(12), reader.GetFieldValue<DateTimeOffset>(13),
        reader.IsDBNull(14) ? null : reader.GetInt64(14))
    {
        Authorship = reader.NullableString(15),
    };

    private static async Task<IReadOnlyList<StoredFile>> FilesAsync(NpgsqlConnection connection, long documentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, name, mime_type, length(content), sha256 FROM document_files WHERE document_id = $1 ORDER BY id", connection).With(documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var files = new List<StoredFile>();
        while (await reader.ReadAsync(cancellationToken))
        {
            files.Add(ReadFile(reader));
        }
        return files;
    }

    private static StoredFile ReadFile(NpgsqlDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(4)));
}
