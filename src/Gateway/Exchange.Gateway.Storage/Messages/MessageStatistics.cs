using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>How many messages are in each current status, with test messages (SMEV's TestMessage) counted apart.</summary>
public sealed class MessageStatistics(NpgsqlDataSource dataSource)
{
    public sealed record Row(bool IsTest, string Kind, string Status, long Count);

    public async Task<IReadOnlyList<Row>> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT m.is_test, m.kind, s.status, count(*)
            FROM messages m
            JOIN LATERAL (SELECT status FROM message_status WHERE message_id = m.message_id ORDER BY id DESC LIMIT 1) s ON true
            GROUP BY m.is_test, m.kind, s.status
            ORDER BY m.is_test, m.kind, s.status
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Row>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new Row(reader.GetBoolean(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }
        return rows;
    }
}
