using System.Globalization;
using Exchange.Gateway.Authentication;
using Exchange.Gateway.ConsoleSite;
using Exchange.Gateway.ConsoleSite.Charts;
using Exchange.Gateway.Metrics;
using Exchange.Gateway.Storage.Activity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Exchange.Gateway.Pages;

/// <summary>
/// <c>/console/dashboard</c>: the last 24 hours per minute (accepted, delivered, failed), delivery latency percentiles,
/// faults by code and the busiest senders, drawn as SVG from the nodes' per-minute counts (<see cref="ActivityMinutes"/>),
/// never from the messages themselves.
/// </summary>
[Authorize(Policy = GatewayPolicies.Operator)]
public sealed class DashboardModel(ActivityMinutes activity, TimeProvider time, ConsoleTime consoleTime, IStringLocalizer<DashboardModel> texts)
    : PageModel
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private static readonly (string Name, double Fraction)[] Percentiles = [("p50", 0.50), ("p90", 0.90), ("p95", 0.95), ("p99", 0.99)];
    private const int TopSenderCount = 10;

    public sealed record Hour(DateTimeOffset Start, long Accepted, long Delivered, long Failed);

    public sealed record Latency(string Name, TimeSpan? AtMost);

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public HtmlString FlowChart { get; private set; } = HtmlString.Empty;

    public HtmlString LatencyChart { get; private set; } = HtmlString.Empty;

    public HtmlString FaultChart { get; private set; } = HtmlString.Empty;

    public HtmlString SenderChart { get; private set; } = HtmlString.Empty;

    public IReadOnlyList<Hour> Hours { get; private set; } = [];

    public IReadOnlyList<Latency> Latencies { get; private set; } = [];

    public long FirstDeliveries { get; private set; }

    public IReadOnlyList<ActivityCount> Faults { get; private set; } = [];

    public IReadOnlyList<ActivityCount> Senders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        To = MinuteCounts.MinuteOf(time.GetUtcNow()).AddMinutes(1);
        From = To - Window;
        var perMinute = await activity.PerMinuteAsync(From, To, [GatewayMetrics.Accepted, GatewayMetrics.Delivered, GatewayMetrics.Failed], cancellationToken);
        var totals = await activity.TotalsByKeyAsync(From, To, [GatewayMetrics.Accepted, GatewayMetrics.Fault, GatewayMetrics.DeliveryLatency], cancellationToken);

        var accepted = Series(perMinute, GatewayMetrics.Accepted);
        var delivered = Series(perMinute, GatewayMetrics.Delivered);
        var failed = Series(perMinute, GatewayMetrics.Failed);
        Hours = Enumerable.Range(0, (int)Window.TotalHours)
            .Select(h => new Hour(From.AddHours(h), Sum(accepted, h), Sum(delivered, h), Sum(failed, h))).ToList();
        FlowChart = new(SvgChart.Lines(
            new ChartFrame("flow-chart", texts["Messages per minute"],
                texts["Per minute from {0} to {1}: {2} accepted, {3} delivered, {4} failed in all.",
                    consoleTime.Format(From), consoleTime.Format(To), accepted.Sum(), delivered.Sum(), failed.Sum()],
                texts["Time ({0})", consoleTime.Zone.Id], texts["Messages per minute"]),
            [
                new ChartSeries(GatewayMetrics.Accepted, texts["accepted"], "#1f5fa8", accepted),
                new ChartSeries(GatewayMetrics.Delivered, texts["delivered"], "#2e7d32", delivered),
                new ChartSeries(GatewayMetrics.Failed, texts["failed"], "#b3261e", failed),
            ],
            HourTicks()));

        DrawLatency(totals.Where(c => c.Metric == GatewayMetrics.DeliveryLatency)
            .ToDictionary(c => int.Parse(c.Key, CultureInfo.InvariantCulture), c => c.Count));

        Faults = Ranked(totals, GatewayMetrics.Fault, int.MaxValue);
        FaultChart = new(SvgChart.Bars(
            new ChartFrame("fault-chart", texts["Faults by code"], Faults.Count == 0 ? texts["No faults were answered."]
                : texts["{0} faults answered; the most frequent: {1} ({2}).", Faults.Sum(f => f.Count), Faults[0].Key, Faults[0].Count],
                texts["Fault code"], texts["Faults"]),
            Faults.Select(f => new ChartBar(f.Key, f.Count, f.Count.ToString(CultureInfo.InvariantCulture))).ToList()));

        Senders = Ranked(totals, GatewayMetrics.Accepted, TopSenderCount);
        SenderChart = new(SvgChart.Bars(
            new ChartFrame("sender-chart", texts["Top senders"], Senders.Count == 0 ? texts["Nothing was accepted."]
                : texts["The {0} senders with the most accepted messages; the first: {1} ({2}).", Senders.Count, Senders[0].Key, Senders[0].Count],
                texts["Sender"], texts["Accepted messages"]),
            Senders.Select(s => new ChartBar(s.Key, s.Count, s.Count.ToString(CultureInfo.InvariantCulture))).ToList()));
    }

    /// <summary>A latency percentile as the page writes it: the bound of its bucket, in a unit that suits it.</summary>
    public string Shown(TimeSpan latency)
    {
        var (divisor, unit) = Scale(latency);
        return texts["at most {0} {1}", (latency.TotalMilliseconds / divisor).ToString("0.#", CultureInfo.CurrentCulture), unit];
    }

    private void DrawLatency(IReadOnlyDictionary<int, long> buckets)
    {
        FirstDeliveries = buckets.Values.Sum();
        Latencies = Percentiles.Select(p => new Latency(p.Name, LatencyBuckets.Percentile(buckets, p.Fraction))).ToList();
        var (divisor, unit) = Scale(Latencies.Max(l => l.AtMost) ?? TimeSpan.Zero);
        LatencyChart = new(SvgChart.Bars(
            new ChartFrame("latency-chart", texts["Delivery latency"], FirstDeliveries == 0 ? texts["No message was delivered."]
                : texts["Of {0} messages delivered for the first time: {1}.", FirstDeliveries,
                    string.Join(", ", Latencies.Select(l => $"{l.Name} {Shown(l.AtMost!.Value)}"))],
                texts["Percentile"], texts["Latency, {0}", unit]),
            Latencies.Select(l => new ChartBar(l.Name, (l.AtMost?.TotalMilliseconds ?? 0) / divisor, l.AtMost is { } at ? Shown(at) : "")).ToList()));
    }

    private (double Divisor, string Unit) Scale(TimeSpan latency) => latency.TotalSeconds switch
    {
        < 10 => (1, texts["ms"]),
        < 600 => (1000, texts["s"]),
        < 36_000 => (60_000, texts["min"]),
        _ => (3_600_000, texts["h"]),
    };

    private long[] Series(IEnumerable<ActivityCount> perMinute, string metric)
    {
        var values = new long[(int)Window.TotalMinutes];
        foreach (var count in perMinute.Where(c => c.Metric == metric))
        {
            values[(int)(count.Minute - From).TotalMinutes] += count.Count;
        }
        return values;
    }

    private static long Sum(long[] perMinute, int hour) => perMinute.Skip(hour * 60).Take(60).Sum();

    private static List<ActivityCount> Ranked(IEnumerable<ActivityCount> totals, string metric, int count) =>
        totals.Where(c => c.Metric == metric).OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>A mark every three hours of the region's clock.</summary>
    private List<ChartTick> HourTicks() =>
        Enumerable.Range(0, (int)Window.TotalMinutes)
            .Select(i => (Index: i, Local: TimeZoneInfo.ConvertTime(From.AddMinutes(i), consoleTime.Zone)))
            .Where(m => m.Local.Minute == 0 && m.Local.Hour % 3 == 0)
            .Select(m => new ChartTick(m.Index, m.Local.ToString("HH:mm", CultureInfo.InvariantCulture)))
            .ToList();
}
