using Npgsql;

namespace Exchange.Gateway.Storage.Messages;

/// <summary>How many messages are in each current status, with test messages (SMEV's TestMessage) counted apart.</summary>
public sealed class MessageStatistics(NpgsqlDataSource dataSource)
{
    public sealed record Row(bool IsTest, string Kind, string Status, long Count);

    public async Task<IReadOnlyList<Row>> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT is_test, kind, current_status, count(*)
            FROM messages
            GROUP BY is_test, kind, current_status
            ORDER BY is_test, kind, current_status
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
