using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The test clients' clock: the gateway's test clock, so MessageIDs and signed Timestamps follow it wherever a test moves
/// it; each reading is one tick (100 ns) later than the one before, because a real client never signs two calls at the
/// same instant and the gateway refuses a signed call it has already answered.
/// </summary>
public sealed class ClientClock(FakeTimeProvider gatewayClock) : TimeProvider
{
    private long _readings;

    public override DateTimeOffset GetUtcNow() => gatewayClock.GetUtcNow().AddTicks(Interlocked.Increment(ref _readings));
}
