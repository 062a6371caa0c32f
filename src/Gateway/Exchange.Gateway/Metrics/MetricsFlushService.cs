using Exchange.Gateway.Storage.Activity;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Metrics;

/// <summary>
/// Writes this node's <see cref="MinuteCounts"/> to <c>activity_minutes</c> every <see cref="MetricsOptions.FlushInterval"/>
/// and once more when the node has stopped, and deletes rows past the retention a batch at a time. A write that fails is
/// kept for the next one. The cadence runs on the machine's clock; the minutes counted come from the gateway's.
/// </summary>
/// <remarks>
/// The last write waits for <see cref="IHostedLifecycleService.StoppedAsync"/>: hosted services stop in reverse order,
/// so in its own StopAsync the relay and the inbox consumers, registered before it, would still be finishing (and counting).
/// </remarks>
public sealed class MetricsFlushService(
    MinuteCounts minutes,
    ActivityMinutes store,
    TimeProvider time,
    IOptions<MetricsOptions> options,
    IOptions<GatewayOptions> gateway,
    ILogger<MetricsFlushService> logger) : BackgroundService, IHostedLifecycleService
{
    private readonly SemaphoreSlim _flushing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushLoggingFailureAsync(stoppingToken);
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e)
        {
            // The node stops regardless: what it counted since its last write is lost to the dashboard, and only that.
            Log.MetricsLostAtStop(logger, e);
        }
    }

    /// <summary>Writes what was counted so far and deletes one batch of expired rows.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var counts = minutes.Take();
            if (counts.Count > 0)
            {
                try
                {
                    await store.AddAsync(gateway.Value.NodeName, counts, cancellationToken);
                }
                catch
                {
                    minutes.Restore(counts);
                    throw;
                }
            }
            await store.DeleteOlderThanAsync(time.GetUtcNow() - options.Value.Retention, options.Value.DeleteBatchSize, cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    private async Task FlushLoggingFailureAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Only the dashboard's counts wait: they stay in memory and go with the next write.
            Log.MetricsFlushFailed(logger, e, options.Value.FlushInterval);
        }
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }
}
