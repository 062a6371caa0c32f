using Exchange.Gateway.Metrics;
using Exchange.Gateway.Storage.Activity;

namespace Exchange.Gateway.Tests.Metrics;

public sealed class MinuteCountsTests
{
    private static readonly DateTimeOffset Nine = new(2030, 9, 2, 9, 0, 0, TimeSpan.FromHours(3));

    [Fact]
    public void counts_of_one_minute_metric_and_key_add_up_and_others_stay_apart()
    {
        var counts = new MinuteCounts();

        counts.Add(Nine.AddSeconds(1), "accepted", "PORTAL");
        counts.Add(Nine.AddSeconds(59.9), "accepted", "PORTAL");
        counts.Add(Nine.AddSeconds(30), "accepted", "HEALTH");
        counts.Add(Nine.AddSeconds(30), "queued", "");
        counts.Add(Nine.AddMinutes(1), "accepted", "PORTAL", 5);

        var minute = Nine.ToUniversalTime();
        Assert.Equal(
            new[]
            {
                new ActivityCount(minute, "accepted", "HEALTH", 1),
                new ActivityCount(minute, "accepted", "PORTAL", 2),
                new ActivityCount(minute, "queued", "", 1),
                new ActivityCount(minute.AddMinutes(1), "accepted", "PORTAL", 5),
            },
            counts.Take().OrderBy(c => c.Minute).ThenBy(c => c.Metric).ThenBy(c => c.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void a_minute_is_the_utc_minute_the_time_falls_in()
    {
        var minute = MinuteCounts.MinuteOf(new DateTimeOffset(2030, 9, 2, 9, 17, 42, 517, TimeSpan.FromHours(3)));

        Assert.Equal(new DateTimeOffset(2030, 9, 2, 6, 17, 0, TimeSpan.Zero), minute);
        Assert.Equal(TimeSpan.Zero, minute.Offset);
    }

    [Fact]
    public void take_hands_over_everything_once_and_restore_puts_back_what_could_not_be_written()
    {
        var counts = new MinuteCounts();
        counts.Add(Nine, "delivered", "");

        var taken = counts.Take();
        Assert.Empty(counts.Take());

        counts.Add(Nine, "delivered", "");
        counts.Restore(taken);
        Assert.Equal([new ActivityCount(Nine.ToUniversalTime(), "delivered", "", 2)], counts.Take());
    }

    [Fact]
    public void counts_from_many_threads_are_all_kept()
    {
        var counts = new MinuteCounts();
        var collected = new List<ActivityCount>();

        Parallel.For(0, 10_000, i =>
        {
            counts.Add(Nine, "accepted", "PORTAL");
            if (i % 1000 == 0)
            {
                var taken = counts.Take();
                lock (collected)
                {
                    collected.AddRange(taken);
                }
            }
        });
        collected.AddRange(counts.Take());

        Assert.Equal(10_000, collected.Sum(c => c.Count));
    }
}
