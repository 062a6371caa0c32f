using Npgsql;

namespace Exchange.Gateway.Tests.Crash;

/// <summary>
/// A gateway (the usual test gateway, see <see cref="GatewayFixture"/>) over a PostgreSQL and a RabbitMQ of its own,
/// which its tests crash and restart. Both servers are stopped at the end, whatever happened.
/// </summary>
public sealed class CrashFixture : IAsyncLifetime
{
    private readonly PrivateServices _services = new();
    private GatewayFixture? _gateway;

    public GatewayFixture Gateway => _gateway ?? throw new InvalidOperationException("The crash fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        await _services.StartAsync(TestContext.Current.CancellationToken);
        // The real clock, not the fixture's standing one: the scheduler waits on the gateway's clock before retrying a
        // database that failed it, and would wait for ever (and never stop) on a clock that does not move.
        // A server restart, the gateway's reconnection and the redeliveries take a while on a busy 2-core machine.
        _gateway = new GatewayFixture(_services.Addresses, TimeProvider.System) { Patience = TimeSpan.FromMinutes(2) };
        await _gateway.InitializeAsync();
    }

    /// <summary>
    /// Kills PostgreSQL with SIGKILL. The connections this test process pooled to it died with it and are dropped; the
    /// gateway finds out about its own.
    /// </summary>
    public async Task CrashPostgresAsync(CancellationToken cancellationToken)
    {
        await _services.CrashPostgresAsync(cancellationToken);
        await using var pooled = new NpgsqlConnection(Gateway.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>Kills RabbitMQ with SIGKILL.</summary>
    public Task CrashBrokerAsync(CancellationToken cancellationToken) => _services.CrashBrokerAsync(cancellationToken);

    /// <summary>Starts again whichever server is not running, and returns when both answer.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => _services.StartAsync(cancellationToken);

    /// <summary>xunit calls this also when <see cref="InitializeAsync"/> failed half-way.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }
        }
        finally
        {
            await _services.StopAsync(CancellationToken.None);
        }
    }
}
