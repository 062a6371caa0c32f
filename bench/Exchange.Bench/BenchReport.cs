using System.Runtime.InteropServices;

namespace Exchange.Bench;

/// <summary>Prints what the bench does, on what, and what it found, one figure per line so runs diff well.</summary>
public static class BenchReport
{
    public static void Settings(BenchSettings settings)
    {
        Console.WriteLine("Exchange bench: SendRequest -> gateway (in-process) -> PostgreSQL + RabbitMQ -> GetRequest + Ack");
        Console.WriteLine($"  messages          {settings.Messages}");
        Console.WriteLine($"  senders           {settings.Senders}");
        Console.WriteLine($"  receivers         {settings.Receivers}");
        Console.WriteLine($"  payload           {settings.PayloadBytes} bytes of business text");
        Console.WriteLine($"  warm-up           {settings.Warmup} messages, not measured");
        Console.WriteLine($"  timeout           {settings.Timeout.TotalSeconds:0} s");
        Console.WriteLine($"  keys              {settings.Algorithm} (CA, participants, gateway)");
        Machine();
    }

    public static void Machine()
    {
        Console.WriteLine($"  machine           {Environment.ProcessorCount} logical CPUs, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        Console.WriteLine($"  runtime           {RuntimeInformation.FrameworkDescription}, server GC {System.Runtime.GCSettings.IsServerGC}");
    }

    public static void Result(RunResult result)
    {
        Console.WriteLine();
        Console.WriteLine("Run");
        Console.WriteLine($"  wall time         {result.Wall.TotalSeconds:0.000} s{(result.TimedOut ? " (TIMED OUT)" : "")}");
        Console.WriteLine($"  accepted          {result.Accepted} of {result.Requested} ({result.FailedSends} sends failed)");
        Console.WriteLine($"  acknowledged      {result.Acknowledged} of {result.Requested} ({result.DuplicateDeliveries} handed over again after Ack)");
        Console.WriteLine($"  accept rate       {result.AcceptedPerSecond:0.0} msg/s (first send to last accept)");
        Console.WriteLine($"  send->ack rate    {result.AcknowledgedPerSecond:0.0} msg/s (first send to last ack)");
        Console.WriteLine($"  process CPU       {result.ProcessCpu.TotalSeconds:0.0} s = {result.ProcessCpuPerMessage.TotalMilliseconds:0.00} ms per acknowledged message (clients + gateway, of {Environment.ProcessorCount} CPUs)");
        Console.WriteLine($"  latency, ms             {"p50",8} {"p95",8} {"p99",8} {"max",8}");
        Latency("SendRequest", result.SendRequest);
        Latency("send->ack", result.SendToAck);
        if (result.ErrorCount > 0)
        {
            Console.WriteLine($"  errors            {result.ErrorCount}, first ones:");
            foreach (var error in result.FirstErrors)
            {
                Console.WriteLine($"    {error}");
            }
        }
    }

    public static void Stages(IReadOnlyList<(string Stage, LatencySummary Latency)> stages)
    {
        Console.WriteLine();
        Console.WriteLine("Stages (from the gateway's own timestamps)");
        Console.WriteLine($"  latency, ms             {"p50",8} {"p95",8} {"p99",8} {"max",8}");
        foreach (var (stage, latency) in stages)
        {
            Latency(stage, latency);
        }
    }

    public static void Checks(IReadOnlyList<CheckResult> checks)
    {
        Console.WriteLine();
        Console.WriteLine("Checks (SQL on the gateway's tables)");
        foreach (var check in checks)
        {
            Console.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")}  {check.Name}: {check.Found}");
        }
    }

    internal static void Latency(string name, LatencySummary summary) =>
        Console.WriteLine($"    {name,-21} {summary.P50,8:0.0} {summary.P95,8:0.0} {summary.P99,8:0.0} {summary.Max,8:0.0}   (n={summary.Count})");
}
