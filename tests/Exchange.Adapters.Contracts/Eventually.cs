namespace Exchange.Adapters.Contracts;

/// <summary>Waits for a condition by polling it, and fails naming what was found when it does not hold in time.</summary>
public static class Eventually
{
    /// <summary>How long a condition may take: a gateway and an adapter both in their first seconds.</summary>
    public static TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<Task<string>> explain, CancellationToken cancellationToken)
    {
        // A monotonic stopwatch, not the wall clock: a clock step (NTP, a VM resumed) must neither end nor stretch the wait.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > Patience)
            {
                Assert.Fail($"Not within {Patience.TotalSeconds} s: {await explain()}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }
}
