using System.Net;
using Exchange.Domain.Users;
using Exchange.Gateway.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// A console session and its forms work on every node: the key ring that protects them is kept in the shared database,
/// not on one machine's disk, so a load balancer may send an operator to any node.
/// </summary>
public sealed class ConsoleSessionAcrossNodesTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_session_begun_on_one_node_is_honoured_by_another_and_its_key_ring_is_in_the_database()
    {
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync("two.nodes", "the password of it", [UserRoles.Operator], "tester", Token);
        var other = await gateway.StartNodeAsync("second-console-node");
        try
        {
            using var first = new ConsoleBrowser(gateway.BaseAddress);
            Assert.Equal(HttpStatusCode.Redirect, (await first.SignInAsync("two.nodes", "the password of it")).StatusCode);
            using var second = new ConsoleBrowser(new Uri(other.Urls.First()));
            second.Cookies.Add(first.Cookies.GetAllCookies());

            using var landing = await second.GetAsync("/console");
            using var signedOut = await second.SignOutAsync();

            Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
            Assert.Contains("<strong id=\"user\">two.nodes</strong>", await landing.Content.ReadAsStringAsync(Token));
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.True(await gateway.CountAsync("SELECT count(*) FROM data_protection_keys") > 0);
        }
        finally
        {
            await other.StopAsync(Token);
            await other.DisposeAsync();
        }
    }
}
