using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Exchange.Gateway.Tests.AdapterOutbox;

/// <summary>
/// What the meters of one host's <see cref="IMeterFactory"/> record: counters summed, gauges as last observed. Other
/// hosts of the test process record on meters of the same name; theirs are not counted.
/// </summary>
public sealed class HostMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _values = new();

    public HostMeasurements(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            _values.AddOrUpdate(instrument.Name, value, (_, sum) => instrument is ObservableGauge<long> ? value : sum + value));
        _listener.Start();
    }

    /// <summary>The counter's sum or the gauge's last value (observed now); 0 when nothing was recorded.</summary>
    public long this[string instrument]
    {
        get
        {
            _listener.RecordObservableInstruments();
            return _values.GetValueOrDefault(instrument);
        }
    }

    public void Dispose() => _listener.Dispose();
}
