using System.Diagnostics;

namespace Exchange.Bench.Crypto;

/// <summary>Runs an operation for a fixed time on one or more threads and reports operations per second.</summary>
internal static class Throughput
{
    /// <param name="operationPerThread">Makes each thread's own operation: XML documents are not safe to share between threads.</param>
    public static double PerSecond(Func<Action> operationPerThread, int threads, TimeSpan duration)
    {
        var operations = Enumerable.Range(0, threads).Select(_ => operationPerThread()).ToList();
        // Warm-up until tiered compilation has settled, so the first figures do not time the JIT.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
        {
            operations[0]();
        }
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = operations.Select(operation => Task.Run(() =>
        {
            long mine = 0;
            while (stopwatch.Elapsed < duration)
            {
                operation();
                mine++;
            }
            Interlocked.Add(ref count, mine);
        })).ToArray();
        Task.WaitAll(workers);
        return count / stopwatch.Elapsed.TotalSeconds;
    }
}
