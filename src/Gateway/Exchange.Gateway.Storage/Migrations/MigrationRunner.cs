using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Exchange.Gateway.Storage.Migrations;

/// <summary>
/// Applies the embedded <c>NNNN_name.sql</c> scripts, Storage's own and those of each <see cref="MigrationAssembly"/>,
/// in one version order, each in its own transaction, and records them in <c>schema_migrations</c>. A session advisory
/// lock serialises gateways that start at the same moment: the second waits, then finds nothing left to do.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, IEnumerable<MigrationAssembly> contributors,
    ILogger<MigrationRunner> logger)
{
    // Any fixed number works; it only has to be the same for every gateway sharing the database.
    private const long AdvisoryLockKey = 0x45786368_616E6765;

    /// <summary>A runner of Storage's own migrations only.</summary>
    public MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger) : this(dataSource, [], logger)
    {
    }

    public async Task<int> ApplyAsync(CancellationToken cancellationToken)
    {
        var migrations = Sequence([typeof(MigrationRunner).Assembly, .. contributors.Select(c => c.Assembly)]);
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
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
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

    /// <summary>Storage's own migrations, in version order.</summary>
    internal static IReadOnlyList<Migration> EmbeddedMigrations() => Sequence([typeof(MigrationRunner).Assembly]);

    /// <summary>The migrations embedded in <paramref name="assemblies"/>, in version order; a version must be taken once.</summary>
    internal static IReadOnlyList<Migration> Sequence(IEnumerable<Assembly> assemblies)
    {
        var migrations = assemblies.Distinct().SelectMany(EmbeddedIn).OrderBy(m => m.Version).ToList();
        if (migrations.GroupBy(m => m.Version).FirstOrDefault(version => version.Count() > 1) is { } taken)
        {
            // Databases record versions only: two scripts under one number would leave one of them never applied.
            throw new InvalidOperationException(
                $"Migration version {taken.Key} is taken by more than one script ({string.Join(", ", taken.Select(m => m.Resource))}); " +
                "give the newer one the next free number.");
        }
        return migrations;
    }

    private static IEnumerable<Migration> EmbeddedIn(Assembly assembly) =>
        assembly.GetManifestResourceNames()
            .Select(name => (name, match: FileName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x => new Migration(int.Parse(x.match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                x.match.Groups[2].Value, x.name, Read(assembly, x.name)));

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

    internal sealed record Migration(int Version, string Name, string Resource, string Sql);
}
