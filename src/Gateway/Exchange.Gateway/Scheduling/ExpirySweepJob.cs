using Exchange.Gateway.Delivery;
using Quartz;

namespace Exchange.Gateway.Scheduling;

/// <summary>
/// The Quartz job that runs <see cref="MessageExpiry"/>. One firing at a time in the whole cluster; a firing that
/// fails is logged and the next one tries again, since the sweep picks up whatever is still due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ExpirySweepJob(MessageExpiry expiry, ILogger<ExpirySweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("expiry-sweep", "exchange");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await expiry.ExpireDueAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ExpirySweepFailed(logger, e);
        }
    }
}
