using System.Runtime.CompilerServices;

namespace Exchange.Adapters.Sdk;

/// <summary>
/// The Timestamps signed into calls without a MessageID (GetRequest, GetResponse, GetStatus): the gateway answers each
/// signed call once, so two polls in one tick of a clock (a coarse clock, pollers in parallel) must still differ. Each
/// is the clock's time, or one tick (100 ns) past the last one taken from the same clock when that is at most a
/// millisecond ahead; a clock set back by more is followed at once, never outrun.
/// </summary>
internal static class SignedTimestamps
{
    private static readonly long MaxNudge = TimeSpan.TicksPerMillisecond;
    private static readonly ConditionalWeakTable<TimeProvider, StrongBox<long>> LastTaken = [];

    public static DateTimeOffset Next(TimeProvider time)
    {
        var last = LastTaken.GetValue(time, _ => new StrongBox<long>());
        while (true)
        {
            var now = time.GetUtcNow().UtcTicks;
            var previous = Interlocked.Read(ref last.Value);
            var next = previous >= now && previous - now < MaxNudge ? previous + 1 : now;
            if (Interlocked.CompareExchange(ref last.Value, next, previous) == previous)
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }
        }
    }
}
