using System.Net.Http.Json;
using System.Text.Json;
using Exchange.Tests.Shared;

namespace Exchange.Gateway.Tests;

/// <summary>The broker connection is killed from the broker's side; what is accepted afterwards is still delivered, once.</summary>
public sealed class BrokerRecoveryTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_message_accepted_after_the_broker_dropped_the_gateway_is_delivered_once()
    {
        var first = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("before the break"), cancellationToken: Token);
        var before = await gateway.ReceiveAsync("HEALTH", first.MessageId);
        await gateway.Client("HEALTH").AckAsync(before.MessageId, cancellationToken: Token);

        // The management API lists connections a few seconds after they open.
        var closed = 0;
        await gateway.WaitUntilAsync(async () => (closed = await CloseGatewayConnectionsAsync()) > 0);
        Assert.True(closed > 0);
        var sent = await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("after the break"), cancellationToken: Token);

        var after = await gateway.ReceiveAsync("HEALTH", sent.MessageId);
        await gateway.Client("HEALTH").AckAsync(after.MessageId, cancellationToken: Token);
        var history = await gateway.Client("PORTAL").GetMessageStatusAsync(sent.MessageId, Token);
        Assert.Equal(["accepted", "queued", "delivered", "acknowledged"], history.History.Select(h => h.Status));
        await gateway.AssertNoneHandedOutAsync("HEALTH", [first.MessageId, sent.MessageId]);
    }

    /// <summary>Closes, through the management API, every connection to the fixture's virtual host.</summary>
    private async Task<int> CloseGatewayConnectionsAsync()
    {
        using var http = TestServers.ManagementClient();
        var connections = await http.GetFromJsonAsync<JsonElement>($"api/vhosts/{gateway.VirtualHostName}/connections", Token);
        var names = connections.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        foreach (var name in names)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/connections/{Uri.EscapeDataString(name)}");
            request.Headers.Add("X-Reason", "test: broker-side kill");
            (await http.SendAsync(request, Token)).EnsureSuccessStatusCode();
        }
        return names.Count;
    }
}
