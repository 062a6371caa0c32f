using Exchange.Gateway.Storage.Migrations;
using Exchange.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exchange.Gateway.Tests;

/// <summary>Quartz's tables are the gateway's migration, applied by Storage's runner in the schema's one sequence.</summary>
public sealed class SchedulerMigrationTests
{
    [Fact]
    public async Task the_gateway_adds_its_scheduler_migration_to_the_schema_sequence_once()
    {
        await using var database = await TestDatabase.CreateAsync("schedulermigration");
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:exchange"] = database.ConnectionString,
            ["ConnectionStrings:broker"] = TestServers.Broker.ToString(),
        });
        builder.AddGateway();
        await using var app = builder.Build();
        var runner = app.Services.GetRequiredService<MigrationRunner>();

        Assert.True(await runner.ApplyAsync(TestContext.Current.CancellationToken) > 0);
        Assert.Equal(0, await runner.ApplyAsync(TestContext.Current.CancellationToken));

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var recorded = new List<(int Version, string Name)>();
        await using (var command = dataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version"))
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                recorded.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }
        Assert.Equal(Enumerable.Range(1, recorded.Count), recorded.Select(r => r.Version));
        Assert.Contains((6, "scheduler"), recorded);
        await using var triggers = dataSource.CreateCommand("SELECT to_regclass('qrtz_triggers') IS NOT NULL");
        Assert.Equal(true, await triggers.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
