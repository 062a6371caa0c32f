using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Startup;

/// <summary>
/// Waits for PostgreSQL (it may still be starting, e.g. under docker compose), then migrates the schema.
/// Gives up after <see cref="GatewayOptions.StartupTimeout"/> with an error that says where it looked.
/// </summary>
public sealed class DatabaseInitializer(
    DatabaseProbe database,
    MigrationRunner migrations,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.StartupTimeout;
        var endpoint = database.Endpoint;
        while (true)
        {
            try
            {
                var applied = await migrations.ApplyAsync(cancellationToken);
                Log.DatabaseReady(logger, applied);
                return;
            }
            catch (Exception e) when (StorageFailures.IsUnreachable(e))
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new InvalidOperationException(
                        $"PostgreSQL at {endpoint} did not accept connections within {options.Value.StartupTimeout} ({e.Message}). " +
                        "Start it with 'scripts/services.sh start' or check ConnectionStrings:exchange.", e);
                }
                Log.DatabaseUnreachable(logger, endpoint, e.Message, deadline);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }
}
