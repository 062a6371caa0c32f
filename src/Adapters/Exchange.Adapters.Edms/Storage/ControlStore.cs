using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>Control cards: executor, due date, closed when answered.</summary>
public sealed class ControlStore(NpgsqlDataSource dataSource)
{
    public static async Task OpenAsync(NpgsqlTransaction transaction, long documentId, DateTimeOffset? dueAt, CancellationToken cancellationToken)
    {
        await using var command = Sql.On(transaction, "INSERT INTO control_cards (document_id, due_at) VALUES ($1, $2)")
            .With(documentId).WithTime(dueAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Closes the document's open card; false when it has none or it is closed already (answered before).</summary>
    public static async Task<bool> CloseAsync(NpgsqlTransaction transaction, long documentId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // The row lock makes a second answer at the same moment wait for the first, then find the card closed.
        await using var command = Sql.On(transaction, "UPDATE control_cards SET closed_at = $2 WHERE document_id = $1 AND closed_at IS NULL")
            .With(documentId).WithTime(at);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Sets who executes the document and by when; null when the document has no control card.</summary>
    public async Task<ControlCard?> AssignAsync(RegistrationNumber number, string executor, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
                UPDATE control_cards c SET executor = $3, due_at = $4
                FROM documents d
                WHERE d.id = c.document_id AND d.journal = $1 AND d.number = $2
                RETURNING c.executor, c.due_at, c.closed_at
                """)
            .With(number.Journal).With(number.Number).With(executor).WithTime(dueAt);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, number, 0) : null;
    }

    /// <summary>The cards open and past due at <paramref name="at"/>, the longest overdue first.</summary>
    public async Task<IReadOnlyList<ControlCard>> OverdueAsync(DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
                SELECT d.journal, d.number, c.executor, c.due_at, c.closed_at
                FROM control_cards c JOIN documents d ON d.id = c.document_id
                WHERE c.closed_at IS NULL AND c.due_at < $1
                ORDER BY c.due_at, d.id
                LIMIT $2
                """)
            .WithTime(at).With(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cards = new List<ControlCard>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cards.Add(Read(reader, new RegistrationNumber(reader.GetString(0), reader.GetInt32(1)), 2));
        }
        return cards;
    }

    internal static async Task<ControlCard?> ReadAsync(NpgsqlConnection connection, Document document, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT executor, due_at, closed_at FROM control_cards WHERE document_id = $1", connection)
            .With(document.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, document.Number, 0) : null;
    }

    private static ControlCard Read(NpgsqlDataReader reader, RegistrationNumber number, int first) =>
        new(number, reader.NullableString(first), reader.NullableTime(first + 1), reader.NullableTime(first + 2));
}
