using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Scheduling;

/// <summary>Section <c>Exchange:Scheduler</c>: the clustered Quartz scheduler every node runs, and the jobs it fires.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Exchange:Scheduler";

    /// <summary>
    /// The scheduler's name in Quartz's tables. Nodes with the same name on one database form one cluster: each
    /// firing runs on one of them. The node's own id in the cluster is <c>Exchange:Gateway:NodeName</c>.
    /// </summary>
    [Required, MaxLength(120)]
    public string SchedulerName { get; set; } = "exchange-gateway";

    /// <summary>How often the expiry sweep looks for messages past their EOL.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the replay cache forgets signed calls whose Timestamps have left the window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplayCachePurgeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages the sweep expires per transaction; it repeats until a batch comes back short.</summary>
    [Range(1, 100_000)]
    public int ExpiryBatchSize { get; set; } = 500;

    /// <summary>
    /// How long a node's scheduler waits, when it knows of no trigger due soon, before it looks in the tables again;
    /// also how late it may notice a trigger another node rescheduled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a node checks in with the cluster; a node silent for longer has its firings recovered by another.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
