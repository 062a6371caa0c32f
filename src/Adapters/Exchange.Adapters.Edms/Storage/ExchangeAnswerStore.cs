using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>Responses received through the exchange, each linked to the outgoing document sent with its original MessageID.</summary>
public static class ExchangeAnswerStore
{
    /// <summary>
    /// Records <paramref name="answer"/>, linked to the outgoing document sent as <paramref name="originalMessageId"/>.
    /// Returns whether it was new (a response delivered twice is recorded once) and the document it is linked to
    /// (none when no document here was sent with that MessageID: kept anyway, so nothing is lost).
    /// </summary>
    public static async Task<(bool Recorded, RegistrationNumber? Document)> RecordAsync(NpgsqlTransaction transaction, Guid originalMessageId,
        ExchangeAnswer answer, CancellationToken cancellationToken)
    {
        await using var command = Sql.On(transaction, """
                WITH original AS (SELECT id, journal, number FROM documents WHERE message_id = $2 AND kind = 'outgoing'),
                     recorded AS (
                         INSERT INTO exchange_responses (message_id, original_message_id, document_id, sender, business_type, content, rejections, received_at)
                         VALUES ($1, $2, (SELECT id FROM original), $3, $4, $5, $6, $7)
                         ON CONFLICT (message_id) DO NOTHING
                         RETURNING document_id)
                SELECT o.journal, o.number FROM recorded r LEFT JOIN original o ON o.id = r.document_id
                """)
            .With(answer.MessageId).With(originalMessageId).With(answer.Sender).With(answer.BusinessType).With(answer.Content)
            .With(answer.Rejections.ToArray()).WithTime(answer.ReceivedAt);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }
        return (true, reader.IsDBNull(0) ? null : new RegistrationNumber(reader.GetString(0), reader.GetInt32(1)));
    }

    internal static async Task<IReadOnlyList<ExchangeAnswer>> ReadAsync(NpgsqlConnection connection, long documentId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
                SELECT message_id, sender, business_type, content, rejections, received_at
                FROM exchange_responses WHERE document_id = $1 ORDER BY received_at, message_id
                """, connection).With(documentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var answers = new List<ExchangeAnswer>();
        while (await reader.ReadAsync(cancellationToken))
        {
            answers.Add(new ExchangeAnswer(reader.GetGuid(0), reader.NullableString(1), reader.NullableString(2), reader.NullableString(3),
                reader.GetFieldValue<string[]>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return answers;
    }
}
