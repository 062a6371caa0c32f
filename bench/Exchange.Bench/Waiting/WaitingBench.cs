namespace Exchange.Bench.Waiting;

/// <summary>
/// <c>scripts/bench.sh waiting</c>: the same trickle of messages received by polling receivers, then by waiting ones, on
/// one gateway in one process; then the usual checks on the gateway's tables.
/// </summary>
public static class WaitingBench
{
    /// <returns>0 when both runs delivered every message once and every check passed; 1 otherwise.</returns>
    public static async Task<int> RunAsync(WaitingSettings settings, CancellationToken cancellationToken)
    {
        WaitingReport.Settings(settings);
        await using var environment = await BenchEnvironment.StartAsync(settings.Algorithm, cancellationToken);
        var run = new TrickleRun(environment, settings);
        var sent = 0;
        if (settings.Warmup > 0)
        {
            var warmup = await run.ExecuteAsync(ReceiveMode.Poll, settings.Warmup, cancellationToken);
            sent += warmup.Sent;
            if (!warmup.Succeeded)
            {
                WaitingReport.Results([warmup]);
                Console.WriteLine("Warm-up failed; no measured runs.");
                return 1;
            }
        }
        var poll = await run.ExecuteAsync(ReceiveMode.Poll, settings.Messages, cancellationToken);
        var wait = await run.ExecuteAsync(ReceiveMode.Wait, settings.Messages, cancellationToken);
        sent += poll.Sent + wait.Sent;

        var checks = await new DeliveryChecks(environment.ConnectionString).RunAsync(sent, cancellationToken);
        WaitingReport.Results([poll, wait]);
        BenchReport.Checks(checks);
        return poll.Succeeded && wait.Succeeded && checks.All(c => c.Passed) ? 0 : 1;
    }
}
