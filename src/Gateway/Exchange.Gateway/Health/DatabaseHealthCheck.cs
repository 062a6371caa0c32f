using Exchange.Gateway.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Exchange.Gateway.Health;

public sealed class DatabaseHealthCheck(DatabaseProbe database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.PingAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (StorageFailures.IsDatabaseFailure(e))
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", e);
        }
    }
}
