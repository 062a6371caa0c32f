using Exchange.Bench;
using Exchange.Bench.Crypto;
using Exchange.Bench.Search;
using Exchange.Bench.Waiting;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchSettings.Usage);
    Console.WriteLine("       scripts/bench.sh crypto    (signatures and verifications per second per algorithm)");
    Console.WriteLine("       " + SearchSettings.Usage["usage: ".Length..] + "    (the console's message searches on generated messages)");
    Console.WriteLine("       " + WaitingSettings.Usage["usage: ".Length..] + "    (receivers polling vs waiting: CPU and latency per message)");
    return 0;
}

if (args is ["crypto"])
{
    return CryptoBench.Run();
}

Func<CancellationToken, Task<int>> run;
try
{
    if (args is ["search", .. var searchArgs])
    {
        var search = SearchSettings.Parse(searchArgs);
        run = token => SearchBench.RunAsync(search, token);
    }
    else if (args is ["waiting", .. var waitingArgs])
    {
        var waiting = WaitingSettings.Parse(waitingArgs);
        run = token => WaitingBench.RunAsync(waiting, token);
    }
    else
    {
        var settings = BenchSettings.Parse(args);
        run = async token =>
        {
            BenchReport.Settings(settings);
            return await BenchSession.ExecuteAsync(settings, token) ? 0 : 1;
        };
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(args switch
    {
        ["search", ..] => SearchSettings.Usage,
        ["waiting", ..] => WaitingSettings.Usage,
        _ => BenchSettings.Usage,
    });
    return 2;
}

// Ctrl+C stops the run but still lets the database (and virtual host) be dropped.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

try
{
    return await run(interrupt.Token);
}
catch (Exception e)
{
    // Setup, the checks or the clean-up failed: say what, and make the exit code say so too.
    Console.Error.WriteLine($"bench failed: {e}");
    return 1;
}
