using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Exchange.Gateway.Storage.Migrations;

/// <summary>
/// Applies the embedded <c>NNNN_name.sql</c> scripts in order, each in its own transaction, and records them in
/// <c>schema_migrations</c>. A session advisory lock serialises gateways that start at the same moment: the
/// second waits, then finds nothing left to do.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any fixed number works; it only has to be the same for every gateway sharing the database.
    private const long AdvisoryLockKey = 0x45786368_616E6765;

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);

            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var count = 0;
            foreach (var migration in EmbeddedMigrations().Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                Log.Applied(logger, migration.Version, migration.Name);
                count++;
            }
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    internal static IReadOnlyList<Migration> EmbeddedMigrations()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(name => (name, match: FileName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x => new Migration(int.Parse(x.match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                x.match.Groups[2].Value, Read(assembly, x.name)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();

    internal sealed record Migration(int Version, string Name, string Sql);
}
