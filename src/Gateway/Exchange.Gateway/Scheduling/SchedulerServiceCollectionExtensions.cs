using System.Data.Common;
using Exchange.Gateway.Callers;
using Exchange.Gateway.Expiry;
using Exchange.Gateway.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace Exchange.Gateway.Scheduling;

/// <summary>
/// Quartz on the gateway's PostgreSQL: the persistent ADO job store in clustered mode, over the tables of migration
/// 0006 (Migrations/, applied by Storage's runner in the schema's one version sequence) and the gateway's own
/// connection pool. Every node runs a scheduler; the store's row locks make one of them
/// run each firing. Quartz reads "now" from the same <see cref="TimeProvider"/> as the rest of the gateway.
/// </summary>
public static class SchedulerServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayScheduler(this IServiceCollection services, IConfiguration configuration, string nodeName)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();

        services.AddGatewayMigrations(typeof(SchedulerServiceCollectionExtensions).Assembly);
        services.AddSingleton<MessageExpiry>();
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.SchedulerName;
                scheduler.InstanceId = nodeName;
                scheduler.IdleWaitTime = options.PollInterval;
            });
            quartz.UsePersistentStore(store =>
            {
                // The gateway's own pool, so ConnectionStrings:exchange is the one place the database is named.
                store.UsePostgres(source => source.DataSourceFactory = provider => provider.GetRequiredService<DbDataSource>());
                store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
            });
            ScheduleRepeating<ExpirySweepJob>(quartz, ExpirySweepJob.Key, o => o.ExpirySweepInterval);
            ScheduleRepeating<ReplayCachePurgeJob>(quartz, ReplayCachePurgeJob.Key, o => o.ReplayCachePurgeInterval);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    private static void ScheduleRepeating<TJob>(IQuartzBuilder quartz, JobKey key, Func<SchedulerOptions, TimeSpan> interval)
        where TJob : RepeatingJob =>
        quartz.ScheduleJob<TJob>(
            (provider, trigger) => trigger
                .WithIdentity(key.Name, key.Group)
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(interval(provider.GetRequiredService<IOptions<SchedulerOptions>>().Value))
                    .RepeatForever()
                    // The next firing comes an interval after the last one ended, and a late one (every node was down,
                    // or the clock moved) runs at once, once: no backlog of firings to catch up, and no waiting for
                    // Quartz's misfire handler to notice it.
                    .MeasureIntervalFromCompletion(true)
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires)),
            (_, job) => job.WithIdentity(key));
}
