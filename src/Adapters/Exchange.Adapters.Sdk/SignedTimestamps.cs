namespace Exchange.Adapters.Sdk;

/// <summary>
/// The Timestamps this process signs into calls without a MessageID (GetRequest, GetResponse, GetStatus): the gateway
/// answers each signed call once, so two polls in one clock tick (a coarse clock, pollers in parallel) must still differ.
/// Each is the clock's time, or one tick (100 ns) past the last one handed out, whichever is later.
/// </summary>
internal static class SignedTimestamps
{
    private static long _lastTicks;

    public static DateTimeOffset Next(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastTicks, next, last) == last)
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }
        }
    }
}
