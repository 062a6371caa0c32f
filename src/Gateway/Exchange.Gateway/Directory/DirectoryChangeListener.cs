using Exchange.Gateway.Storage;
using Exchange.Gateway.Storage.Directory;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Directory;

/// <summary>
/// Keeps this node's directory current: subscribes to <see cref="DirectoryStore.ChangeChannel"/> and reloads on every
/// notification. A notification sent while the connection was down is lost, so the directory is also reloaded after
/// every reconnect and every <see cref="DirectoryOptions.RefreshInterval"/>.
/// </summary>
public sealed class DirectoryChangeListener(
    DatabaseNotifications notifications,
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
                await using var changes = await notifications.SubscribeAsync(DirectoryStore.ChangeChannel, stoppingToken);
                await cache.ReloadAsync(stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    var notified = (await changes.WaitAsync(options.Value.RefreshInterval, stoppingToken)).Count > 0;
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
