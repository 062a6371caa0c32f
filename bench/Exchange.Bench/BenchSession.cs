namespace Exchange.Bench;

/// <summary>
/// Sets up a fresh database, virtual host, keys, directory and in-process gateway, warms it up, runs and checks the
/// measured run, and tears everything down again, also when something fails.
/// </summary>
public static class BenchSession
{
    /// <returns>True when every message went through and every check passed.</returns>
    public static async Task<bool> ExecuteAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var environment = await BenchEnvironment.StartAsync(settings.Algorithm, cancellationToken);
        var run = new SendAckRun(environment.Sender, environment.Receiver, settings.PayloadBytes);

        var accepted = 0;
        if (settings.Warmup > 0)
        {
            var warmup = await run.ExecuteAsync(settings.Warmup, settings.Senders, settings.Receivers, settings.Timeout, cancellationToken);
            accepted += warmup.Accepted;
            if (!warmup.Succeeded)
            {
                Console.WriteLine();
                Console.WriteLine("Warm-up failed; no measured run.");
                BenchReport.Result(warmup);
                return false;
            }
        }

        var measuredSince = DateTimeOffset.UtcNow;
        var result = await run.ExecuteAsync(settings.Messages, settings.Senders, settings.Receivers, settings.Timeout, cancellationToken);
        accepted += result.Accepted;
        if (cancellationToken.IsCancellationRequested)
        {
            BenchReport.Result(result);
            Console.WriteLine();
            Console.WriteLine("Interrupted: checks skipped.");
            return false;
        }

        // Checks first: they wait for the relay to finish, which the stage timestamps need too.
        var checks = await new DeliveryChecks(environment.ConnectionString).RunAsync(accepted, cancellationToken);
        var stages = await new StageBreakdown(environment.ConnectionString).MeasureAsync(measuredSince, cancellationToken);
        BenchReport.Result(result);
        BenchReport.Stages(stages);
        BenchReport.Checks(checks);
        return result.Succeeded && checks.All(c => c.Passed);
    }
}
