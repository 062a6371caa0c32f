using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Exchange.Adapters.Edms.Storage.Migrations;

/// <summary>
/// Applies the EDMS's embedded <c>Storage/Migrations/NNNN_name.sql</c> scripts in version order, each in its own
/// transaction, and records them in <c>schema_migrations</c>. A session advisory lock serialises two EDMS instances
/// that start at the same moment: the second waits, then finds nothing left to do.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any fixed number works; it only has to be the same for every instance sharing the database.
    private const long AdvisoryLockKey = 0x45444D53_00000001;

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
            var applied = new HashSet<int>();
            await using (var versions = new NpgsqlCommand("SELECT version FROM schema_migrations", connection))
            await using (var reader = await versions.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }
            var count = 0;
            foreach (var (version, name, sql) in Embedded().Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.AddWithValue(version);
                    record.Parameters.AddWithValue(name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                Log.MigrationApplied(logger, version, name);
                count++;
            }
            return count;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static IEnumerable<(int Version, string Name, string Sql)> Embedded()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(resource => (resource, match: FileName().Match(resource)))
            .Where(x => x.match.Success)
            .Select(x =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(x.resource)!);
                return (int.Parse(x.match.Groups[1].Value, CultureInfo.InvariantCulture), x.match.Groups[2].Value, reader.ReadToEnd());
            })
            .OrderBy(m => m.Item1)
            .ToList();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
