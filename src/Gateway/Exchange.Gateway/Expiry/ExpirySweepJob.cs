using Exchange.Gateway.Scheduling;
using Quartz;

namespace Exchange.Gateway.Expiry;

/// <summary>The Quartz job that runs <see cref="MessageExpiry"/>.</summary>
public sealed class ExpirySweepJob(MessageExpiry expiry, ILogger<ExpirySweepJob> logger) : RepeatingJob
{
    public static readonly JobKey Key = new("expiry-sweep", "exchange");

    protected override Task RunAsync(CancellationToken cancellationToken) => expiry.ExpireDueAsync(cancellationToken);

    protected override void Failed(Exception exception) => Log.ExpirySweepFailed(logger, exception);
}
