using Exchange.Adapters.Edms.Domain;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage;

/// <summary>
/// Finds documents by number, correspondent, registration date and text. Text is matched with PostgreSQL full-text
/// search under the 'russian' configuration (word forms: "поликлиники" finds "поликлиника") or, for words it does not
/// stem (names, codes, other languages), the 'simple' one.
/// </summary>
public sealed class DocumentSearch(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<Document>> FindAsync(DocumentQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
                SELECT {DocumentStore.Columns} FROM documents d
                WHERE ($1::text IS NULL OR (d.journal = $1 AND d.number = $2))
                  AND ($3::text IS NULL OR d.correspondent = $3 OR strpos(lower(d.correspondent_name), lower($3)) > 0)
                  AND ($4::timestamptz IS NULL OR d.registered_at >= $4)
                  AND ($5::timestamptz IS NULL OR d.registered_at < $5)
                  AND ($6::text IS NULL OR d.search @@ (websearch_to_tsquery('russian', $6) || websearch_to_tsquery('simple', $6)))
                ORDER BY d.registered_at DESC, d.id DESC
                LIMIT $7
                """)
            .With(query.Number?.Journal).With(query.Number?.Number ?? 0).With(query.Sender).WithTime(query.From).WithTime(query.To)
            .With(query.Text).With(query.Limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<Document>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(DocumentStore.Read(reader));
        }
        return documents;
    }
}
