using Npgsql;

namespace Exchange.Gateway.Storage.Users;

/// <summary>
/// The keys that protect console sessions and antiforgery tokens, as the host's key manager writes them (one XML
/// element each), shared by every node through PostgreSQL. Synchronous because the key manager that calls it is.
/// </summary>
public sealed class SessionKeyStore(NpgsqlDataSource dataSource)
{
    public IReadOnlyList<string> All()
    {
        using var command = dataSource.CreateCommand("SELECT xml FROM data_protection_keys ORDER BY stored_at, name");
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }
        return keys;
    }

    /// <summary>Stores a key under its name; a name stored before keeps its first XML (keys never change).</summary>
    public void Add(string name, string xml)
    {
        using var command = dataSource.CreateCommand(
            "INSERT INTO data_protection_keys (name, xml) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING");
        command.Parameters.AddWithValue(name);
        command.Parameters.AddWithValue(xml);
        command.ExecuteNonQuery();
    }
}
