using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Metrics;

/// <summary>Section <c>Exchange:Metrics</c>: the per-minute counts behind the console's dashboard.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Exchange:Metrics";

    /// <summary>
    /// How often a node writes what it counted: the counts of the last interval, and all a node counted since its last
    /// write if it is killed, are missing from the dashboard.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long per-minute counts are kept; older rows are deleted by the nodes' writes, a batch at a time.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(8);

    /// <summary>Rows older than <see cref="Retention"/> one write deletes at most.</summary>
    [Range(1, 100_000)]
    public int DeleteBatchSize { get; set; } = 1000;
}
