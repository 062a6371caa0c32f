namespace Exchange.Bench.Waiting;

/// <summary>Prints the waiting bench's settings and its runs side by side, one figure per line.</summary>
public static class WaitingReport
{
    public static void Settings(WaitingSettings settings)
    {
        Console.WriteLine("Exchange bench: receiving a trickle of messages, polling GetRequest vs waiting (Prefer: wait)");
        Console.WriteLine($"  messages          {settings.Messages} per run, at {settings.Rate} a second, to one participant");
        Console.WriteLine($"  receivers         {settings.Receivers} of that participant");
        Console.WriteLine($"  poll              GetRequest, then {settings.PollInterval.TotalMilliseconds:0} ms pause when empty");
        Console.WriteLine($"  wait              GetRequest with Prefer: wait={settings.Wait.TotalSeconds:0}");
        Console.WriteLine($"  warm-up           {settings.Warmup} messages polled, not measured");
        Console.WriteLine($"  keys              {settings.Algorithm} (CA, participants, gateway)");
        BenchReport.Machine();
    }

    public static void Results(IReadOnlyList<TrickleResult> runs)
    {
        Console.WriteLine();
        Console.WriteLine($"  {"",-34}{string.Concat(runs.Select(r => $"{r.Mode,12}"))}");
        Row("acknowledged", runs, r => $"{r.Acknowledged} of {r.Sent}");
        Row("GetRequest calls", runs, r => $"{r.Calls}");
        Row("calls per message", runs, r => $"{(double)r.Calls / Math.Max(1, r.Acknowledged):0.0}");
        Row("process CPU, s", runs, r => $"{r.ProcessCpu.TotalSeconds:0.00}");
        Row("CPU per message, ms", runs, r => $"{r.CpuPerMessage.TotalMilliseconds:0.00}");
        Row("in inbox -> delivered p50, ms", runs, r => $"{r.InboxToDelivered.P50:0.0}");
        Row("in inbox -> delivered p95, ms", runs, r => $"{r.InboxToDelivered.P95:0.0}");
        Row("in inbox -> delivered max, ms", runs, r => $"{r.InboxToDelivered.Max:0.0}");
        foreach (var run in runs.Where(r => r.Errors.Count > 0))
        {
            Console.WriteLine($"  errors of {run.Mode}: {run.Errors.Count}, first ones:");
            foreach (var error in run.Errors.Take(5))
            {
                Console.WriteLine($"    {error}");
            }
        }
    }

    private static void Row(string name, IReadOnlyList<TrickleResult> runs, Func<TrickleResult, string> figure) =>
        Console.WriteLine($"  {name,-34}{string.Concat(runs.Select(r => $"{figure(r),12}"))}");
}
