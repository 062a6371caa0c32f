namespace Exchange.Gateway.Tests.AdapterCrash;

/// <summary>Where <see cref="CrashingProxy"/> crashes the adapter: on the first call of an operation, once.</summary>
internal sealed record CrashRule(string Operation, bool AfterAnswer, Func<Task> Crash)
{
    private int _fired;

    public bool Fired => Volatile.Read(ref _fired) == 1;

    /// <summary>True for the one call that fires the rule.</summary>
    public bool TryFire() => Interlocked.Exchange(ref _fired, 1) == 0;
}
