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
        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("real"), cancellationToken: Token);
        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("test"), new SendOptions(IsTest: true), Token);
        await gateway.Client("PORTAL").SendRequestAsync(BusinessDocuments.Appeal("test again"), new SendOptions(IsTest: true), Token);

        var statistics = await gateway.Admin().GetFromJsonAsync<JsonElement>(new Uri(gateway.BaseAddress, "/api/statistics"), Token);

        Assert.Equal(1, Total(statistics.GetProperty("production").GetProperty("request")));
        Assert.Equal(2, Total(statistics.GetProperty("test").GetProperty("request")));
    }

    private static long Total(JsonElement byStatus) => byStatus.EnumerateObject().Sum(s => s.Value.GetInt64());
}
