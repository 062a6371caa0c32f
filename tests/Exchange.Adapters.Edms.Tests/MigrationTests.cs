using Exchange.Adapters.Edms.Storage.Migrations;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Exchange.Adapters.Edms.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task two_instances_starting_at_once_migrate_once_and_a_restart_finds_nothing_to_do()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync("edms_migrations");
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        MigrationRunner Runner() => new(dataSource, NullLogger<MigrationRunner>.Instance);

        var applied = await Task.WhenAll(Runner().ApplyAsync(ct), Runner().ApplyAsync(ct));
        var again = await Runner().ApplyAsync(ct);

        Assert.Contains(0, applied);
        Assert.True(applied.Sum() > 0);
        Assert.Equal(0, again);
    }
}
