using Exchange.Gateway.Storage.Migrations;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Exchange.Gateway.Storage.Tests;

public sealed class MigrationTests
{
    private const int SchedulerVersion = 6;

    [Fact]
    public async Task linking_messages_again_stops_with_a_reason_on_rows_naming_a_message_the_database_lacks_and_deletes_nothing()
    {
        var token = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("relinking");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);
        await runner.ApplyAsync(token);
        // Back to the schema before 0015, with a status event that names a message this database does not have.
        await using (var undo = dataSource.CreateCommand("""
            ALTER TABLE messages DROP CONSTRAINT messages_original_message_id_fkey, DROP CONSTRAINT messages_broadcast_message_id_fkey;
            ALTER TABLE status_events DROP CONSTRAINT status_events_message_id_fkey;
            DELETE FROM schema_migrations WHERE version = 15;
            INSERT INTO status_events (participant, message_id, category, created_at) VALUES ('PORTAL', gen_random_uuid(), 'requestIsQueued', now());
            """))
        {
            await undo.ExecuteNonQueryAsync(token);
        }

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => runner.ApplyAsync(token));

        Assert.Contains("migration 0015 cannot link messages again: 0 messages name a request and 0 a broadcast, and 1 status events a message",
            refusal.MessageText);
        await using var left = dataSource.CreateCommand("SELECT count(*) FROM status_events");
        Assert.Equal(1L, await left.ExecuteScalarAsync(token));
    }

    [Fact]
    public async Task two_gateways_migrating_at_once_apply_each_migration_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync("migrations");
        await using var first = NpgsqlDataSource.Create(database.ConnectionString);
        await using var second = NpgsqlDataSource.Create(database.ConnectionString);

        var applied = await Task.WhenAll(
            new MigrationRunner(first, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken),
            new MigrationRunner(second, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken));

        var total = MigrationRunner.EmbeddedMigrations().Count;
        Assert.Equal(total, applied.Sum());
        Assert.Contains(0, applied);
        await using var count = first.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)total, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task migrating_again_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync("remigrate");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var runner = new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance);

        Assert.True(await runner.ApplyAsync(TestContext.Current.CancellationToken) > 0);
        Assert.Equal(0, await runner.ApplyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void migrations_are_numbered_without_gaps()
    {
        var versions = MigrationRunner.EmbeddedMigrations().Select(m => m.Version).ToList();
        Assert.Equal(versions.Order(), versions);
        // Version 6, Quartz's tables, is the gateway's; its tests check the sequence the two make together.
        Assert.Equal(Enumerable.Range(1, versions.Max()).Except([SchedulerVersion]), versions);
    }

    [Fact]
    public async Task a_database_of_storage_alone_gets_no_scheduler_tables()
    {
        await using var database = await TestDatabase.CreateAsync("storagealone");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(TestContext.Current.CancellationToken);

        await using var tables = dataSource.CreateCommand("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz\\_%'");
        Assert.Equal(0L, await tables.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        await using var recorded = dataSource.CreateCommand($"SELECT count(*) FROM schema_migrations WHERE version = {SchedulerVersion}");
        Assert.Equal(0L, await recorded.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
