using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Exchange.Domain.Users;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Users;
using Exchange.Protocol.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests.Console;

/// <summary>
/// The dashboard over HTTP: what the gateway does is counted per minute of its clock, written by the flush, and drawn
/// from those counts. Each test compares counts before and after what it does itself.
/// </summary>
public sealed partial class DashboardTests(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private const string Password = "correct horse battery";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DateTimeOffset Minute => MinuteCounts.MinuteOf(gateway.Clock.GetUtcNow());

    private Task FlushAsync() => gateway.Services.GetRequiredService<MetricsFlushService>().FlushAsync(Token);

    private Task<long> CountAsync(string metric, string? key = null) => gateway.CountAsync(
        "SELECT coalesce(sum(count), 0) FROM activity_minutes WHERE minute = $1 AND metric = $2 AND ($3 = '' OR key = $3)",
        Minute, metric, key ?? "");

    private async Task<ConsoleBrowser> SignedInAsync(params string[] roles)
    {
        var name = $"dashboard.{Guid.NewGuid():N}";
        await gateway.Services.GetRequiredService<ConsoleUsers>().AddAsync(name, Password, roles, "tester", Token);
        var browser = new ConsoleBrowser(gateway.BaseAddress);
        using var signedIn = await browser.SignInAsync(name, Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return browser;
    }

    private async Task<Dictionary<string, XElement>> ChartsAsync()
    {
        using var browser = await SignedInAsync(UserRoles.Operator);
        using var response = await browser.GetAsync("/console/dashboard");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Token);
        return SvgElement().Matches(page).Select(m => XElement.Parse(m.Value)).ToDictionary(e => (string)e.Attribute("id")!);
    }

    private static long Total(XElement element) => long.Parse((string)element.Attribute("data-total")!, System.Globalization.CultureInfo.InvariantCulture);

    private static long BarValue(XElement chart, string label) =>
        chart.Elements(Svg + "rect").Where(r => (string?)r.Attribute("data-label") == label)
            .Select(r => long.Parse((string)r.Attribute("data-value")!, System.Globalization.CultureInfo.InvariantCulture))
            .SingleOrDefault();

    [Fact]
    public async Task messages_sent_received_and_acknowledged_are_counted_in_the_clock_s_minute_and_drawn_on_the_dashboard()
    {
        await FlushAsync();
        string[] metrics = [GatewayMetrics.Accepted, GatewayMetrics.Queued, GatewayMetrics.Delivered, GatewayMetrics.Acknowledged, GatewayMetrics.DeliveryLatency];
        var before = new Dictionary<string, long>();
        foreach (var metric in metrics)
        {
            before[metric] = await CountAsync(metric);
        }
        var fromPortal = await CountAsync(GatewayMetrics.Accepted, "PORTAL");

        var sent = await GatewayFixture.SendAppealsAsync(gateway.Client("PORTAL"), 3, "counted on the dashboard");
        // All at once: the inbox may take them out of order, and waiting for one would acknowledge the next on the way.
        await gateway.ReceiveAllAsync("HEALTH", sent);
        await FlushAsync();

        foreach (var metric in metrics)
        {
            Assert.True(await CountAsync(metric) == before[metric] + 3, $"{metric}: {before[metric]} before, {await CountAsync(metric)} after");
        }
        Assert.Equal(fromPortal + 3, await CountAsync(GatewayMetrics.Accepted, "PORTAL"));

        var charts = await ChartsAsync();
        var flow = charts["flow-chart"].Elements(Svg + "polyline").ToDictionary(l => (string)l.Attribute("data-series")!);
        Assert.Equal("1440", (string?)flow[GatewayMetrics.Accepted].Attribute("data-points"));
        Assert.True(Total(flow[GatewayMetrics.Accepted]) >= 3);
        Assert.True(Total(flow[GatewayMetrics.Delivered]) >= 3);
        Assert.True(BarValue(charts["sender-chart"], "PORTAL") >= 3);
        Assert.Equal(4, charts["latency-chart"].Elements(Svg + "rect").Count(r => r.Attribute("data-value") is { Value: not "0" }));
    }

    [Fact]
    public async Task a_fault_the_gateway_answers_raises_its_code_s_bar()
    {
        await FlushAsync();
        var before = BarValue((await ChartsAsync())["fault-chart"], FaultCodes.UnsupportedContentType);

        using var refused = await gateway.Http.PostAsync(gateway.SoapEndpoint, new StringContent("{}", Encoding.UTF8, "application/json"), Token);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        await FlushAsync();

        Assert.Equal(before + 1, BarValue((await ChartsAsync())["fault-chart"], FaultCodes.UnsupportedContentType));
    }

    [Fact]
    public async Task the_flush_deletes_counts_older_than_the_retention_and_keeps_younger_ones()
    {
        var retention = new MetricsOptions().Retention;
        var old = Minute - retention - TimeSpan.FromMinutes(1);
        var young = Minute - retention + TimeSpan.FromMinutes(1);
        await gateway.CountAsync("""
            INSERT INTO activity_minutes (minute, node, metric, key, count)
            VALUES ($1, 'retention-test', 'accepted', 'OLD', 1), ($2, 'retention-test', 'accepted', 'YOUNG', 1)
            """, old, young);

        await FlushAsync();

        Assert.Equal(0, await gateway.CountAsync("SELECT count(*) FROM activity_minutes WHERE node = 'retention-test' AND key = 'OLD'"));
        Assert.Equal(1, await gateway.CountAsync("SELECT count(*) FROM activity_minutes WHERE node = 'retention-test' AND key = 'YOUNG'"));
    }

    [Fact]
    public async Task a_user_without_the_operator_role_is_refused_the_dashboard()
    {
        using var browser = await SignedInAsync(UserRoles.ContentReader);

        using var response = await browser.GetAsync("/console/dashboard");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("flow-chart", await response.Content.ReadAsStringAsync(Token));
    }

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();
}
