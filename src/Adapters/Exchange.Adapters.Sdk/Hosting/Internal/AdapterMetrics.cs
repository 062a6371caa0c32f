using System.Diagnostics.Metrics;

namespace Exchange.Adapters.Sdk.Hosting.Internal;

/// <summary>
/// What the adapter host counts, on the .NET meter <c>Exchange.Adapters</c> (read it with <c>dotnet-counters</c> or an
/// OpenTelemetry exporter). <c>exchange.queue</c> is <c>request</c>, <c>response</c> or <c>status</c>.
/// </summary>
internal sealed class AdapterMetrics
{
    public const string MeterName = "Exchange.Adapters";

    private readonly Counter<long> _received;
    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _handlerFailures;
    private readonly Counter<long> _statusesHandled;
    private readonly Histogram<double> _handlerDuration;

    public AdapterMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _received = meter.CreateCounter<long>("exchange.adapter.messages.received", "{message}", "Messages taken from the gateway (a message handed out again is counted again)");
        _acknowledged = meter.CreateCounter<long>("exchange.adapter.messages.acknowledged", "{message}", "Messages acknowledged after their handler returned");
        _handlerFailures = meter.CreateCounter<long>("exchange.adapter.handler.failures", "{failure}", "Handler calls that threw: the message is not acknowledged, the status is handed over again");
        _statusesHandled = meter.CreateCounter<long>("exchange.adapter.statuses.handled", "{status}", "Status stream events the status handler returned from");
        _handlerDuration = meter.CreateHistogram<double>("exchange.adapter.handler.duration", "s", "How long the EDMS's handlers took, by queue and outcome");
    }

    public void Received(string queue) => _received.Add(1, Queue(queue));

    public void Acknowledged(string queue) => _acknowledged.Add(1, Queue(queue));

    public void StatusHandled() => _statusesHandled.Add(1);

    public void HandlerReturned(string queue, TimeSpan duration) => _handlerDuration.Record(duration.TotalSeconds, Queue(queue), Outcome("succeeded"));

    public void HandlerFailed(string queue, TimeSpan duration)
    {
        _handlerFailures.Add(1, Queue(queue));
        _handlerDuration.Record(duration.TotalSeconds, Queue(queue), Outcome("failed"));
    }

    private static KeyValuePair<string, object?> Queue(string queue) => new("exchange.queue", queue);

    private static KeyValuePair<string, object?> Outcome(string outcome) => new("exchange.outcome", outcome);
}
