using Exchange.Bench;
using Exchange.Bench.Crypto;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchSettings.Usage);
    Console.WriteLine("       scripts/bench.sh crypto    (signatures and verifications per second per algorithm)");
    return 0;
}

if (args is ["crypto"])
{
    return CryptoBench.Run();
}

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

// Ctrl+C stops the run but still lets the database and virtual host be dropped.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

BenchReport.Settings(settings);
try
{
    return await BenchSession.ExecuteAsync(settings, interrupt.Token) ? 0 : 1;
}
catch (Exception e)
{
    // Setup, the checks or the clean-up failed: say what, and make the exit code say so too.
    Console.Error.WriteLine($"bench failed: {e}");
    return 1;
}
