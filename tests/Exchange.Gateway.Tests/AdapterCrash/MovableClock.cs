namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>
/// The real clock, moved ahead by as much as the test says. A process of its own (the EDMS) signs with the machine's
/// clock, so the gateway must read a time close to it; and the gateway must still be made to see a lease run out
/// without waiting for it. Timers run on real time, so a call waiting on the gateway (<c>Prefer: wait</c>) ends.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
