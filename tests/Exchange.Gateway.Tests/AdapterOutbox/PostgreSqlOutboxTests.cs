using System.Data.Common;
using Exchange.Adapters.Sdk.Outbox;
using Exchange.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>The outbox in an EDMS's PostgreSQL database (a new one for each test), which several adapter processes may share.</summary>
public sealed class PostgreSqlOutboxTests(GatewayFixture gateway) : OutboxContractTests(gateway), IClassFixture<GatewayFixture>, IAsyncLifetime
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("outbox");
        _dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
    }

    protected override void AddOutbox(IServiceCollection services, Action<ExchangeOutboxOptions> configure) =>
        services.AddExchangeOutbox(_dataSource!, options =>
        {
            configure(options);
            options.Schema = "edms";
        });

    protected override async Task<DbConnection> OpenEdmsConnectionAsync() => await _dataSource!.OpenConnectionAsync(Token);

    [Fact]
    public async Task two_senders_on_one_store_never_send_an_entry_twice()
    {
        using var counter = new SendCounter();
        await using var first = Host(counter: counter);
        await using var second = Host(counter: counter);
        var ids = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await first.Outbox.EnqueueRequestAsync(BusinessDocuments.Appeal($"shared {i}"), cancellationToken: Token));
        }

        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        foreach (var id in ids)
        {
            await WaitForStateAsync(first, id, ExchangeOutboxEntryState.Sent);
        }
        var received = await Gateway.ReceiveAllAsync("HEALTH", ids);

        Assert.Equal(ids.Count, counter.Sends);
        Assert.Equal(ids.Count, received.Count(ids.Contains));
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
