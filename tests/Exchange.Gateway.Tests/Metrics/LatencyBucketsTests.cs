using Exchange.Gateway.Metrics;

namespace Exchange.Gateway.Tests.Metrics;

public sealed class LatencyBucketsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(0.5)]
    [InlineData(1)]
    public void a_millisecond_or_less_is_the_first_bucket(double milliseconds) =>
        Assert.Equal(0, LatencyBuckets.IndexOf(TimeSpan.FromMilliseconds(milliseconds)));

    [Theory]
    [InlineData(1.1)]
    [InlineData(2)]
    [InlineData(37)]
    [InlineData(1_500)]
    [InlineData(3_600_000)]
    public void a_latency_falls_in_the_bucket_whose_bound_is_at_most_a_fifth_above_it(double milliseconds)
    {
        var latency = TimeSpan.FromMilliseconds(milliseconds);

        var bound = LatencyBuckets.UpperBound(LatencyBuckets.IndexOf(latency));

        Assert.InRange(bound.TotalMilliseconds, milliseconds - 1e-6, milliseconds * 1.19 + 1e-6);
        Assert.True(LatencyBuckets.UpperBound(LatencyBuckets.IndexOf(latency) - 1) < latency);
    }

    [Fact]
    public void latencies_past_the_last_bound_land_in_the_last_bucket() =>
        Assert.Equal(LatencyBuckets.Last, LatencyBuckets.IndexOf(TimeSpan.FromDays(400)));

    [Fact]
    public void a_percentile_is_the_bound_of_the_bucket_its_rank_falls_in()
    {
        // Fifty messages within 1 ms, forty within 2 ms (bucket 4), ten within 4 ms (bucket 8).
        var buckets = new Dictionary<int, long> { [8] = 10, [0] = 50, [4] = 40 };

        Assert.Equal(TimeSpan.FromMilliseconds(1), LatencyBuckets.Percentile(buckets, 0.50));
        Assert.Equal(TimeSpan.FromMilliseconds(2), LatencyBuckets.Percentile(buckets, 0.51));
        Assert.Equal(TimeSpan.FromMilliseconds(2), LatencyBuckets.Percentile(buckets, 0.90));
        Assert.Equal(TimeSpan.FromMilliseconds(4), LatencyBuckets.Percentile(buckets, 0.95));
        Assert.Equal(TimeSpan.FromMilliseconds(4), LatencyBuckets.Percentile(buckets, 0.99));
    }

    [Fact]
    public void buckets_summed_over_nodes_and_minutes_give_the_percentile_of_all_latencies()
    {
        var latencies = Enumerable.Range(1, 1000).Select(i => TimeSpan.FromMilliseconds(i * 7)).ToList();
        var summed = latencies.GroupBy(LatencyBuckets.IndexOf).ToDictionary(g => g.Key, g => (long)g.Count());

        var p95 = LatencyBuckets.Percentile(summed, 0.95)!.Value;

        var exact = latencies[949];
        Assert.InRange(p95.TotalMilliseconds, exact.TotalMilliseconds, exact.TotalMilliseconds * 1.19);
    }

    [Fact]
    public void nothing_counted_has_no_percentile() =>
        Assert.Null(LatencyBuckets.Percentile(new Dictionary<int, long>(), 0.5));
}
