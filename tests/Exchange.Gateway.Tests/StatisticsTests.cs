using System.Net.Http.Json;
using System.Text.Json;
using Exchange.Adapters.Sdk;

namespace Exchange.Gateway.Tests;

public sealed class StatisticsTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task test_messages_are_counted_apart_from_real_ones()
    {
        // The statistics cover every message of the database: what this test sent is the difference it makes.
        var before = await RequestsAsync();

        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("real"), cancellationToken: Token);
        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("test"), new SendOptions(IsTest: true), Token);
        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("test again"), new SendOptions(IsTest: true), Token);

        var after = await RequestsAsync();
        Assert.Equal((before.Production + 1, before.Test + 2), after);
    }

    /// <summary>How many requests the statistics count, real and test, whatever their current status.</summary>
    private async Task<(long Production, long Test)> RequestsAsync()
    {
        var statistics = await gateway.Admin().GetFromJsonAsync<JsonElement>(new Uri(gateway.BaseAddress, "/api/statistics"), Token);
        return (Total(statistics.GetProperty("production")), Total(statistics.GetProperty("test")));
    }

    private static long Total(JsonElement byKind) =>
        byKind.TryGetProperty("request", out var byStatus) ? byStatus.EnumerateObject().Sum(s => s.Value.GetInt64()) : 0;
}
