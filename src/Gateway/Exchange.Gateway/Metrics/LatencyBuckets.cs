namespace Exchange.Gateway.Metrics;

/// <summary>
/// Fixed log-scale buckets for latencies: bucket i holds durations up to 2^(i/4) ms (each bound about 19 % above the
/// previous), bucket 0 everything up to 1 ms, the last everything past about 8 days. Fixed bounds let counts of any
/// nodes and minutes be summed, and a percentile be read from the sums.
/// </summary>
public static class LatencyBuckets
{
    private const int PerDoubling = 4;

    public const int Last = 120;

    public static int IndexOf(TimeSpan latency)
    {
        var milliseconds = latency.TotalMilliseconds;
        return milliseconds <= 1 ? 0 : (int)Math.Min(Last, Math.Ceiling(PerDoubling * Math.Log2(milliseconds) - 1e-9));
    }

    /// <summary>The longest latency bucket <paramref name="index"/> holds.</summary>
    public static TimeSpan UpperBound(int index) => TimeSpan.FromMilliseconds(Math.Pow(2, (double)Math.Clamp(index, 0, Last) / PerDoubling));

    /// <summary>
    /// The latency that <paramref name="fraction"/> (0.95 for p95) of the counted ones do not exceed, as the upper bound
    /// of the bucket it falls in (so never below the true value, at most one bucket above); null when nothing was counted.
    /// </summary>
    public static TimeSpan? Percentile(IReadOnlyDictionary<int, long> countsByBucket, double fraction)
    {
        var total = countsByBucket.Values.Sum();
        if (total == 0)
        {
            return null;
        }
        var rank = Math.Max(1, (long)Math.Ceiling(fraction * total));
        long seen = 0;
        foreach (var (index, count) in countsByBucket.OrderBy(b => b.Key))
        {
            seen += count;
            if (seen >= rank)
            {
                return UpperBound(index);
            }
        }
        return UpperBound(Last);
    }
}
