using Exchange.Gateway.Callers;
using Quartz;

namespace Exchange.Gateway.Scheduling;

/// <summary>
/// The Quartz job that makes the replay cache forget calls whose Timestamps can no longer be accepted anyway
/// (<see cref="ReplayGuard.ForgetOldAsync"/>). A firing that fails is logged; the next one removes the rest.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReplayCachePurgeJob(ReplayGuard replays, ILogger<ReplayCachePurgeJob> logger) : IJob
{
    public static readonly JobKey Key = new("replay-cache-purge", "exchange");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            Log.ReplayCachePurged(logger, await replays.ForgetOldAsync(cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ReplayCachePurgeFailed(logger, e);
        }
    }
}
