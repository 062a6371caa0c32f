using Microsoft.Data.Sqlite;

namespace Exchange.Gateway.Tests.AdapterContracts;

/// <summary>
/// The bare adapter's own store: one SQLite file holding what it received, what it decided to send and the status
/// events it read, and also the SDK's outbox, so a decision to send and its outbox entry commit together.
/// </summary>
public sealed class BareAdapterStore(string file)
{
    public string File => file;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS received (
                message_id TEXT PRIMARY KEY, kind TEXT NOT NULL, reply_to TEXT, original_message_id TEXT,
                rejected INTEGER NOT NULL, content TEXT);
            CREATE TABLE IF NOT EXISTS received_files (message_id TEXT NOT NULL, mime_type TEXT NOT NULL, content BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS sent (message_id TEXT PRIMARY KEY, text TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS statuses (message_id TEXT NOT NULL, category TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary><paramref name="sql"/> with <paramref name="values"/> as $1, $2, ... on <paramref name="connection"/> (in <paramref name="transaction"/>).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        }
        return command;
    }
}
