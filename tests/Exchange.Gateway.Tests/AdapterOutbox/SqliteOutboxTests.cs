using System.Data.Common;
using Exchange.Adapters.Sdk.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>The outbox in a SQLite file of its own, a new one for each test.</summary>
public sealed class SqliteOutboxTests(GatewayFixture gateway) : OutboxContractTests(gateway), IClassFixture<GatewayFixture>, IDisposable
{
    private readonly string _folder =
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "exchange-tests", "outbox-" + Guid.NewGuid().ToString("N"))).FullName;

    private string File => Path.Combine(_folder, "outbox.db");

    protected override void AddOutbox(IServiceCollection services, Action<ExchangeOutboxOptions> configure) =>
        services.AddExchangeOutbox(options =>
        {
            configure(options);
            options.SqlitePath = File;
        });

    protected override async Task<DbConnection> OpenEdmsConnectionAsync()
    {
        var connection = new SqliteConnection($"Data Source={File}");
        await connection.OpenAsync(Token);
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
