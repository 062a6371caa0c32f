using Quartz;

namespace Exchange.Gateway.Scheduling;

/// <summary>
/// The shape of the gateway's repeating jobs: one firing at a time in the whole cluster, and a firing that fails is
/// logged and left to the next one, which picks up whatever is still to do.
/// </summary>
[DisallowConcurrentExecution]
public abstract class RepeatingJob : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(e);
        }
    }

    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Logs a failed firing under the job's own event.</summary>
    protected abstract void Failed(Exception exception);
}
