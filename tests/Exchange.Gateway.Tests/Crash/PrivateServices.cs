using System.Diagnostics;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests.Crash;

/// <summary>
/// A PostgreSQL and a RabbitMQ for crash tests alone, run by scripts/services.sh with their state in
/// <c>.state/crash-services</c> and ports 25432 (PostgreSQL), 25672-25675 (AMQP, management, distribution, epmd): the run's
/// shared instances serve test classes running in parallel and must never be killed.
/// </summary>
public sealed class PrivateServices
{
    private const string User = "exchange";
    private const string Password = "exchange";
    private const int PostgresPort = 25432;
    private const int BrokerPort = 25672;
    private const int ManagementPort = 25673;

    // Every setting the script reads, so none is inherited from whoever runs the tests.
    private static readonly Dictionary<string, string> ScriptSettings = new()
    {
        ["EXCHANGE_STATE_DIR"] = Path.Combine(RepositoryRoot.Path, ".state", "crash-services"),
        ["EXCHANGE_PG_PORT"] = $"{PostgresPort}",
        ["EXCHANGE_PG_PASSWORD"] = Password,
        ["EXCHANGE_RABBIT_PORT"] = $"{BrokerPort}",
        ["EXCHANGE_RABBIT_MGMT_PORT"] = $"{ManagementPort}",
        ["EXCHANGE_RABBIT_DIST_PORT"] = "25674",
        ["EXCHANGE_RABBIT_EPMD_PORT"] = "25675",
        // A node name of its own, so nothing that goes by the name (logs, rabbitmqctl) can mistake it for the shared node.
        ["EXCHANGE_RABBIT_NODENAME"] = "exchange-crash@localhost",
        ["EXCHANGE_RABBIT_USER"] = User,
        ["EXCHANGE_RABBIT_PASSWORD"] = Password,
    };

    public ServiceAddresses Addresses { get; } = new(
        $"Host=127.0.0.1;Port={PostgresPort};Username={User};Password={Password};Database=postgres;Pooling=false",
        new Uri($"amqp://{User}:{Password}@127.0.0.1:{BrokerPort}/"),
        new Uri($"http://127.0.0.1:{ManagementPort}/"));

    /// <summary>Starts whichever of the two is not running and returns when both answer.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => RunScriptAsync(["start"], cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => RunScriptAsync(["stop"], cancellationToken);

    /// <summary>SIGKILL of the postmaster and every process it forked; returns when all are gone.</summary>
    public Task CrashPostgresAsync(CancellationToken cancellationToken) => RunScriptAsync(["crash", "postgresql"], cancellationToken);

    /// <summary>SIGKILL of the RabbitMQ node's Erlang VM; returns when it is gone.</summary>
    public Task CrashBrokerAsync(CancellationToken cancellationToken) => RunScriptAsync(["crash", "rabbitmq"], cancellationToken);

    /// <summary>Runs rabbitmqctl against the private node; returns what it printed.</summary>
    public Task<string> RabbitmqctlAsync(string[] arguments, CancellationToken cancellationToken) =>
        RunScriptAsync(["rabbitmqctl", .. arguments], cancellationToken);

    private static async Task<string> RunScriptAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryRoot.Path, "scripts", "services.sh"), arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in ScriptSettings)
        {
            start.Environment[name] = value;
        }
        using var script = Process.Start(start) ?? throw new InvalidOperationException("scripts/services.sh did not start.");
        // Both streams are read to their end, or a full pipe would stop the script; its log says why it failed.
        var output = script.StandardOutput.ReadToEndAsync(cancellationToken);
        var log = script.StandardError.ReadToEndAsync(cancellationToken);
        await script.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(output, log);
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"scripts/services.sh {string.Join(' ', arguments)} for the crash tests failed (exit {script.ExitCode}):\n{await log}");
        }
        return await output;
    }
}
