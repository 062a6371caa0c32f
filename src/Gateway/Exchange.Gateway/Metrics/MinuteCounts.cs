using Exchange.Gateway.Storage.Activity;

namespace Exchange.Gateway.Metrics;

/// <summary>
/// What this node counted since its last write to <c>activity_minutes</c>, per minute, metric and key. A count is a
/// dictionary update under a lock held for nanoseconds; <see cref="Take"/> hands everything to the writer at once.
/// </summary>
public sealed class MinuteCounts
{
    private readonly Lock _lock = new();
    private Dictionary<(DateTimeOffset Minute, string Metric, string Key), long> _counts = [];

    public static DateTimeOffset MinuteOf(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    public void Add(DateTimeOffset at, string metric, string key, long count = 1)
    {
        var slot = (MinuteOf(at), metric, key);
        lock (_lock)
        {
            _counts[slot] = _counts.GetValueOrDefault(slot) + count;
        }
    }

    /// <summary>Everything counted so far, each minute, metric and key once; counting goes on afresh.</summary>
    public IReadOnlyList<ActivityCount> Take()
    {
        Dictionary<(DateTimeOffset Minute, string Metric, string Key), long> taken;
        lock (_lock)
        {
            (taken, _counts) = (_counts, []);
        }
        return taken.Select(c => new ActivityCount(c.Key.Minute, c.Key.Metric, c.Key.Key, c.Value)).ToList();
    }

    /// <summary>Puts back counts that could not be written, to be written with the next ones.</summary>
    public void Restore(IEnumerable<ActivityCount> counts)
    {
        foreach (var count in counts)
        {
            Add(count.Minute, count.Metric, count.Key, count.Count);
        }
    }
}
