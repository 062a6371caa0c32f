using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Exchange.Gateway.Tests.Crash;

/// <summary>
/// A gateway (the usual test gateway, see <see cref="GatewayFixture"/>) over a PostgreSQL and a RabbitMQ of its own,
/// which its tests crash and restart. Both servers are stopped at the end, whatever happened.
/// </summary>
public sealed class CrashFixture : IAsyncLifetime
{
    private readonly PrivateServices _services = new();
    private GatewayFixture? _gateway;

    public GatewayFixture Gateway => _gateway ?? throw new InvalidOperationException("The crash fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        await _services.StartAsync(TestContext.Current.CancellationToken);
        // The real clock, not the fixture's standing one: the scheduler waits on the gateway's clock before retrying a
        // database that failed it, and would wait for ever (and never stop) on a clock that does not move.
        // A server restart, the gateway's reconnection and the redeliveries take a while on a busy 2-core machine.
        _gateway = new GatewayFixture(_services.Addresses, TimeProvider.System) { Patience = TimeSpan.FromMinutes(2) };
        await _gateway.InitializeAsync();
        // Tests crash from a settled gateway: every participant's queue declared and consumed. A quorum queue whose
        // declaration a SIGKILL interrupts can come back without a leader on a one-node broker, and its participant
        // then stays unconsumed (and the node not ready) for the rest of the class.
        await _gateway.WaitUntilAsync(async () =>
            (await BrokerMessages.BrokerReadinessAsync(_gateway.Services)).Status == HealthStatus.Healthy);
    }

    /// <summary>
    /// Kills PostgreSQL with SIGKILL. The connections this test process pooled to it died with it and are dropped; the
    /// gateway finds out about its own.
    /// </summary>
    public async Task CrashPostgresAsync(CancellationToken cancellationToken)
    {
        await _services.CrashPostgresAsync(cancellationToken);
        await using var pooled = new NpgsqlConnection(Gateway.ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    /// <summary>Kills RabbitMQ with SIGKILL.</summary>
    public Task CrashBrokerAsync(CancellationToken cancellationToken) => _services.CrashBrokerAsync(cancellationToken);

    /// <summary>Starts again whichever server is not running, and returns when both answer.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => _services.StartAsync(cancellationToken);

    /// <summary>
    /// Sets settings of the private node's rabbit application (null: unset) and returns the values they had, to be set
    /// back the same way. The gateway is then made to open its channels anew, since a channel reads settings such as
    /// consumer_timeout when it opens; returns once every participant is consumed again.
    /// </summary>
    public async Task<Dictionary<string, string?>> SetBrokerSettingsAsync(IReadOnlyDictionary<string, string?> settings,
        CancellationToken cancellationToken)
    {
        var earlier = new Dictionary<string, string?>();
        foreach (var (key, value) in settings)
        {
            var current = (await _services.RabbitmqctlAsync(["eval", $"application:get_env(rabbit, {key})."], cancellationToken)).Trim();
            earlier[key] = current.StartsWith("{ok,", StringComparison.Ordinal) ? current[4..^1] : null;
            await _services.RabbitmqctlAsync(
                ["eval", value is null ? $"application:unset_env(rabbit, {key})." : $"application:set_env(rabbit, {key}, {value})."],
                cancellationToken);
        }
        await ReconnectGatewayAsync(cancellationToken);
        return earlier;
    }

    /// <summary>Closes the gateway's connections from the broker's side and waits until it consumes every queue again.</summary>
    private async Task ReconnectGatewayAsync(CancellationToken cancellationToken)
    {
        using var http = _services.Addresses.ManagementClient();
        var closed = new HashSet<string>();
        // The management API lists a connection a few seconds after it opened. Closing one can fail while the broker is
        // busy (RabbitMQ 3.10 answered 500 once, in a fresh clone under load): that connection is tried again on the
        // next look, and only connections really closed count.
        await Gateway.WaitUntilAsync(async () =>
        {
            foreach (var name in await ConnectionsAsync(http, cancellationToken))
            {
                using var response = await http.DeleteAsync($"api/connections/{Uri.EscapeDataString(name)}", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    closed.Add(name);
                }
            }
            return closed.Count > 0;
        });
        // Recovered: connected anew, and the consumers the tests use restored on the new connection.
        await Gateway.WaitUntilAsync(async () =>
            (await ConnectionsAsync(http, cancellationToken)) is { Count: > 0 } now && !now.Overlaps(closed) && ConsumesTestQueues());
    }

    /// <summary>
    /// This node consumes the queues the crash tests send to and through (HEALTH's, PORTAL's). Not the whole node's
    /// readiness: RabbitMQ 3.10 on one node can bring a quorum queue declared seconds before a SIGKILL back without a
    /// leader (seen for RSA_BODY's in fresh clones), which readiness rightly reports and no gateway can mend.
    /// </summary>
    public bool ConsumesTestQueues()
    {
        var consumer = Gateway.Services.GetRequiredService<Broker.QueueConsumer>();
        return consumer.IsConsuming("HEALTH") && consumer.IsConsuming("PORTAL");
    }

    private async Task<HashSet<string>> ConnectionsAsync(HttpClient management, CancellationToken cancellationToken)
    {
        var connections = await management.GetFromJsonAsync<JsonElement>($"api/vhosts/{Gateway.VirtualHostName}/connections", cancellationToken);
        return [.. connections.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
    }

    /// <summary>xunit calls this also when <see cref="InitializeAsync"/> failed half-way.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }
        }
        finally
        {
            await _services.StopAsync(CancellationToken.None);
        }
    }
}
