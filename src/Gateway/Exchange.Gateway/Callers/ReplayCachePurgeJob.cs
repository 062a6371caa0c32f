using Exchange.Gateway.Scheduling;
using Quartz;

namespace Exchange.Gateway.Callers;

/// <summary>
/// The Quartz job that makes the replay cache forget calls whose Timestamps can no longer be accepted anyway
/// (<see cref="ReplayGuard.ForgetOldAsync"/>).
/// </summary>
public sealed class ReplayCachePurgeJob(ReplayGuard replays, ILogger<ReplayCachePurgeJob> logger) : RepeatingJob
{
    public static readonly JobKey Key = new("replay-cache-purge", "exchange");

    protected override async Task RunAsync(CancellationToken cancellationToken) =>
        Log.ReplayCachePurged(logger, await replays.ForgetOldAsync(cancellationToken));

    protected override void Failed(Exception exception) => Log.ReplayCachePurgeFailed(logger, exception);
}
