using System.Diagnostics;

namespace Exchange.Gateway.Tests.Directory;

/// <summary>A directory change made through one gateway node takes effect on another without a restart.</summary>
public sealed class DirectoryPropagationTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_system_registered_on_one_node_is_recognised_by_another_and_retiring_it_is_too()
    {
        await using var second = await gateway.StartNodeAsync("second-node");
        var admin = new DirectoryAdmin(gateway, gateway.Admin());
        var system = GatewayFixture.SystemOf("NEWCOMER");

        await admin.AddParticipantAsync("NEWCOMER", "institution");
        var clock = Stopwatch.StartNew();
        await gateway.WaitUntilAsync(async () => await TryGetAsync(second, system));
        TestContext.Current.SendDiagnosticMessage($"registration committed on the first node seen by the second after {clock.ElapsedMilliseconds} ms");

        await admin.SendAsync(HttpMethod.Delete, $"/api/admin/systems/{system}", null);
        await gateway.WaitUntilAsync(async () => !await TryGetAsync(second, system));

        await second.StopAsync(Token);
    }

    /// <summary>Whether the node accepts the system's GetRequest (rather than refusing an unknown or retired caller).</summary>
    private async Task<bool> TryGetAsync(Microsoft.AspNetCore.Builder.WebApplication node, string system)
    {
        try
        {
            await gateway.ClientOf(node, system).GetRequestAsync(cancellationToken: Token);
            return true;
        }
        catch (Adapters.Sdk.Faults.ExchangeRoutingFaultException e) when (e.Element == "SenderIsNotRegistered")
        {
            return false;
        }
    }
}
