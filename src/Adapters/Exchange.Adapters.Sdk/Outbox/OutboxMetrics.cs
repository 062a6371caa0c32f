using System.Diagnostics.Metrics;

namespace Exchange.Adapters.Sdk.Outbox;

/// <summary>What the outbox counts, on the adapter host's meter <c>Exchange.Adapters</c>.</summary>
internal sealed class OutboxMetrics
{
    public const string MeterName = "Exchange.Adapters";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private long _pending;

    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("exchange.adapter.outbox.sent", "{message}", "Outbox messages the gateway accepted");
        _retried = meter.CreateCounter<long>("exchange.adapter.outbox.retried", "{retry}", "Retries after a retryable failure to send");
        _failed = meter.CreateCounter<long>("exchange.adapter.outbox.failed", "{message}", "Outbox messages the gateway refused for good");
        meter.CreateObservableGauge("exchange.adapter.outbox.pending", () => Interlocked.Read(ref _pending), "{message}",
            "Outbox messages not sent yet, as the sender last counted them");
    }

    public void Sent() => _sent.Add(1);

    public void Retried() => _retried.Add(1);

    public void Failed(string fault) => _failed.Add(1, new KeyValuePair<string, object?>("exchange.fault", fault));

    public void Pending(long count) => Interlocked.Exchange(ref _pending, count);
}
