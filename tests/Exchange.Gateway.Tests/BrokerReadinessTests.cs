using System.Net;
using System.Net.Http.Json;
using Exchange.Gateway.Broker;
using Exchange.Tests.Shared;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Readiness says whether this node consumes every participant's queue; a consumer the broker ends comes back without a
/// restart; the broker's password shows nowhere, not even when the broker cannot be reached.
/// </summary>
public sealed class BrokerReadinessTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_participant_whose_consumer_the_broker_cancelled_is_named_by_readiness_until_it_is_consumed_again()
    {
        await gateway.WaitUntilAsync(async () => (await BrokerMessages.BrokerReadinessAsync(gateway.Services)).Status == HealthStatus.Healthy);
        var queue = DeliveryTopology.RecipientQueue("HEALTH");
        try
        {
            // Left the right to configure this queue alone (which deleting it takes), the node cannot declare the exchanges
            // a subscription starts with, so it cannot subscribe again until the right is given back.
            await SetConfigurePermissionAsync($"^{queue.Replace(".", "\\.", StringComparison.Ordinal)}$");
            await ManageAsync(HttpMethod.Delete, $"api/queues/{gateway.VirtualHostName}/{Uri.EscapeDataString(queue)}");

            await gateway.WaitUntilAsync(async () =>
                (await BrokerMessages.BrokerReadinessAsync(gateway.Services)).Description?.Contains("HEALTH", StringComparison.Ordinal) == true);
            var notReady = await BrokerMessages.BrokerReadinessAsync(gateway.Services);
            Assert.Equal(HealthStatus.Unhealthy, notReady.Status);
            Assert.DoesNotContain("PORTAL", notReady.Description, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready", Token)).StatusCode);
        }
        finally
        {
            await SetConfigurePermissionAsync(".*");
        }

        await gateway.WaitUntilAsync(async () => (await BrokerMessages.BrokerReadinessAsync(gateway.Services)).Status == HealthStatus.Healthy);
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("after the consumer came back"), cancellationToken: Token);
        var received = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(received.MessageId, cancellationToken: Token);
        var history = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], history.History.Select(h => h.Status));
    }

    [Fact]
    public async Task a_node_whose_broker_is_unreachable_is_not_ready_and_shows_the_password_nowhere()
    {
        var password = $"Pw{Guid.NewGuid():N}";
        var logs = new RecordedLogs();
        var node = await gateway.StartNodeAsync("unreachable-broker",
            new Dictionary<string, string?> { ["ConnectionStrings:broker"] = $"amqp://exchange:{password}@127.0.0.1:1/" },
            builder => builder.Logging.AddProvider(logs));
        try
        {
            // 2005: a queue could not be consumed; by then the connection has been tried and refused.
            await gateway.WaitUntilAsync(() => Task.FromResult(logs.Entries.Any(e => e.EventId.Id == 2005)));
            var readiness = await BrokerMessages.BrokerReadinessAsync(node.Services);

            Assert.Equal(HealthStatus.Unhealthy, readiness.Status);
            Assert.Contains("127.0.0.1:1", readiness.Description, StringComparison.Ordinal);
            Assert.DoesNotContain(password, $"{readiness.Description} {readiness.Exception}", StringComparison.Ordinal);
            Assert.DoesNotContain(logs.Entries, e => $"{e.Message} {e.Exception}".Contains(password, StringComparison.Ordinal));
        }
        finally
        {
            await node.StopAsync(Token);
            await node.DisposeAsync();
        }
    }

    private Task SetConfigurePermissionAsync(string configure) =>
        ManageAsync(HttpMethod.Put, $"api/permissions/{gateway.VirtualHostName}/{TestServers.Default.BrokerUser}",
            new { configure, write = ".*", read = ".*" });

    private static async Task ManageAsync(HttpMethod method, string path, object? body = null)
    {
        using var http = TestServers.ManagementClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        (await http.SendAsync(request, Token)).EnsureSuccessStatusCode();
    }
}
