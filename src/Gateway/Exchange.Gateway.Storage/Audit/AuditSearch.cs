using Exchange.Domain.Audit;
using Npgsql;

namespace Exchange.Gateway.Storage.Audit;

/// <summary>
/// Answers an operator's <see cref="AuditQuery"/> over both audits, <c>directory_audit</c> and <c>console_audit</c>, a
/// page at a time, newest first by keyset (see <see cref="AuditCursor"/>). Each table is read in its own branch along
/// one of its indexes (by time, by actor, by message) and stops after a page; the union of the two is cut to a page.
/// </summary>
public sealed class AuditSearch(NpgsqlDataSource dataSource)
{
    /// <exception cref="InvalidAuditQueryException">The query has problems; nothing was read.</exception>
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var after = query.StartAfter();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        string Bind(object value)
        {
            command.Parameters.AddWithValue(value);
            return $"${command.Parameters.Count}";
        }

        // One row past the page tells whether another page follows.
        var limit = Bind(query.PageSize + 1);
        string Where(int source, params string[] filters)
        {
            var where = new List<string>(filters) { $"at >= {Bind(query.From)} AND at < {Bind(query.To)}" };
            if (!string.IsNullOrEmpty(query.Actor))
            {
                where.Add($"actor = {Bind(query.Actor)}");
            }
            if (after is not null)
            {
                // The first condition bounds the index range; the row comparison places the page within the cursor's moment.
                where.Add($"at <= {Bind(after.At)} AND (at, {source}, id) < ({Bind(after.At)}, {Bind(after.Source)}, {Bind(after.Id)})");
            }
            return string.Join(" AND ", where);
        }

        var branches = new List<string>();
        if (query.IncludesDirectory)
        {
            branches.Add($"""
                (SELECT {AuditCursor.DirectorySource} AS source, id, at, actor, '{AuditKind.DirectoryChange}' AS kind, NULL::text AS node,
                        entity, key, before::text, after::text, NULL::uuid AS message_id, NULL::text AS reason
                 FROM directory_audit WHERE {Where(AuditCursor.DirectorySource)}
                 ORDER BY at DESC, id DESC LIMIT {limit})
                """);
        }
        if (query.IncludesConsole)
        {
            var filters = new List<string>();
            if (!string.IsNullOrEmpty(query.Kind))
            {
                filters.Add($"action = {Bind(query.Kind)}");
            }
            if (query.MessageId is { } messageId)
            {
                filters.Add($"message_id = {Bind(messageId)}");
            }
            branches.Add($"""
                (SELECT {AuditCursor.ConsoleSource} AS source, id, at, actor, action AS kind, node,
                        NULL::text AS entity, NULL::text AS key, NULL::text AS before, NULL::text AS after, message_id, reason
                 FROM console_audit WHERE {Where(AuditCursor.ConsoleSource, [.. filters])}
                 ORDER BY at DESC, id DESC LIMIT {limit})
                """);
        }
        command.CommandText = $"""
            SELECT * FROM ({string.Join(" UNION ALL ", branches)}) entries
            ORDER BY at DESC, source DESC, id DESC LIMIT {limit}
            """;

        var entries = new List<(int Source, AuditEntry Entry)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                string? Text(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
                entries.Add((reader.GetInt32(0), new AuditEntry(reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetString(3), reader.GetString(4), Text(5), Text(6), Text(7), Text(8), Text(9),
                    reader.IsDBNull(10) ? null : reader.GetGuid(10), Text(11))));
            }
        }
        if (entries.Count <= query.PageSize)
        {
            return new AuditPage(entries.Select(e => e.Entry).ToList(), null);
        }
        var page = entries.Take(query.PageSize).ToList();
        var last = page[^1];
        return new AuditPage(page.Select(e => e.Entry).ToList(), new AuditCursor(last.Entry.At, last.Source, last.Entry.Id).Encode());
    }
}
