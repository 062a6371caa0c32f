using Exchange.Domain.Directory;
using Exchange.Gateway.Storage.Directory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Exchange.Gateway.Directory;

/// <summary>
/// Keeps this node's directory current: LISTENs on <see cref="DirectoryStore.ChangeChannel"/> and reloads on every
/// notification. A notification sent while the connection was down is lost, so the directory is also reloaded after
/// every reconnect and every <see cref="DirectoryOptions.RefreshInterval"/>.
/// </summary>
public sealed class DirectoryChangeListener(
    NpgsqlDataSource dataSource,
    DirectoryCache cache,
    IOptions<DirectoryOptions> options,
    ILogger<DirectoryChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                var notified = false;
                connection.Notification += (_, _) => notified = true;
                await using (var listen = new NpgsqlCommand($"LISTEN {DirectoryStore.ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                await cache.ReloadAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    notified = false;
                    await connection.WaitAsync(options.Value.RefreshInterval, stoppingToken);
                    await cache.ReloadAsync(stoppingToken);
                    Log.DirectoryReloaded(logger, notified ? "change notified" : "periodic refresh", cache.Current.Content.Participants.Count);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.DirectoryListenFailed(logger, e, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
