using Exchange.Gateway.Scheduling;
using Exchange.Gateway.Storage.Delivery;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Expiry;

/// <summary>
/// Expires every message past its EOL that its recipient has not acknowledged, batch after batch, as of the gateway's
/// clock. Safe to run on several nodes at once and to run again: each message is expired once.
/// </summary>
public sealed class MessageExpiry(
    ExpirySweep sweep,
    IOptions<SchedulerOptions> options,
    IOptions<GatewayOptions> gateway,
    TimeProvider time,
    ILogger<MessageExpiry> logger)
{
    /// <returns>How many messages this run expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var batchSize = options.Value.ExpiryBatchSize;
        var now = time.GetUtcNow();
        var total = 0;
        int expired;
        do
        {
            expired = await sweep.ExpireBatchAsync(now, batchSize, gateway.Value.NodeName, cancellationToken);
            total += expired;
        }
        while (expired == batchSize);
        if (total > 0)
        {
            Log.Expired(logger, total, now);
        }
        return total;
    }
}
