using System.Diagnostics.Metrics;

namespace Exchange.Gateway.Metrics;

/// <summary>
/// What the gateway counts, in one place: each event goes to the .NET meter <c>Exchange.Gateway</c> (readable today
/// with <c>dotnet-counters</c>, and by an exporter later) and to this node's <see cref="MinuteCounts"/>, which the
/// console's dashboard reads once they are written. Called directly rather than through a MeterListener: the minute
/// counts then need no listener filtering out the meters of other hosts in the process, nor tags read back.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Exchange.Gateway";

    // Metric names in activity_minutes.
    public const string Accepted = "accepted";
    public const string Queued = "queued";
    public const string Delivered = "delivered";
    public const string Acknowledged = "acknowledged";
    public const string Failed = "failed";
    public const string Fault = "fault";
    public const string DeliveryLatency = "delivery_latency";

    private readonly MinuteCounts _minutes;
    private readonly TimeProvider _time;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _queued;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _faults;
    private readonly Histogram<double> _deliveryLatency;
    private readonly UpDownCounter<long> _waiting;

    public GatewayMetrics(IMeterFactory meters, MinuteCounts minutes, TimeProvider time)
    {
        _minutes = minutes;
        _time = time;
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("exchange.messages.accepted", "{message}", "Messages accepted by SendRequest or SendResponse (a resend not counted again)");
        _queued = meter.CreateCounter<long>("exchange.messages.queued", "{message}", "Messages handed over to their recipient's inbox");
        _delivered = meter.CreateCounter<long>("exchange.messages.delivered", "{message}", "Messages leased to their recipient by GetRequest or GetResponse, each lease counted");
        _acknowledged = meter.CreateCounter<long>("exchange.messages.acknowledged", "{message}", "Messages acknowledged by their recipient");
        _failed = meter.CreateCounter<long>("exchange.messages.failed", "{message}", "Messages recorded failed: the broker could not hand them to the recipient's inbox");
        _faults = meter.CreateCounter<long>("exchange.soap.faults", "{fault}", "SOAP faults answered, by SMEV fault code");
        _waiting = meter.CreateUpDownCounter<long>("exchange.soap.waiting", "{call}", "GetRequest and GetResponse calls of this node waiting for a message (Prefer: wait)");
        _deliveryLatency = meter.CreateHistogram<double>("exchange.messages.delivery.duration", "s", "From a message's acceptance to its recipient's first taking it");
    }

    public void MessageAccepted(string sender)
    {
        _accepted.Add(1, new KeyValuePair<string, object?>("exchange.sender", sender));
        Count(Accepted, sender);
    }

    public void MessageQueued()
    {
        _queued.Add(1);
        Count(Queued);
    }

    /// <param name="acceptedAt">When the message was accepted; its first delivery's latency is counted.</param>
    /// <param name="deliveryCount">Which lease of the message this is (1 for the first).</param>
    public void MessageDelivered(DateTimeOffset acceptedAt, DateTimeOffset deliveredAt, int deliveryCount)
    {
        _delivered.Add(1);
        Count(Delivered);
        if (deliveryCount == 1)
        {
            var latency = deliveredAt - acceptedAt;
            _deliveryLatency.Record(latency.TotalSeconds);
            Count(DeliveryLatency, LatencyBuckets.IndexOf(latency).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void MessageAcknowledged()
    {
        _acknowledged.Add(1);
        Count(Acknowledged);
    }

    public void MessageFailed()
    {
        _failed.Add(1);
        Count(Failed);
    }

    public void FaultAnswered(string code)
    {
        _faults.Add(1, new KeyValuePair<string, object?>("exchange.fault.code", code));
        Count(Fault, code);
    }

    public void WaitStarted() => _waiting.Add(1);

    public void WaitEnded() => _waiting.Add(-1);

    private void Count(string metric, string key = "") => _minutes.Add(_time.GetUtcNow(), metric, key);
}
