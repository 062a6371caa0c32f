using Exchange.Gateway.Metrics;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Delivery;

/// <summary>
/// The calls of this node waiting for a message, by recipient, at most <see cref="DeliveryOptions.MaxWaitingCalls"/>.
/// <see cref="InboxArrivalListener"/> wakes those of a recipient when a message reaches its inbox on any node; when the
/// node stops, all are woken to answer at once, so that stopping does not wait for their waits to end.
/// </summary>
public sealed class DeliveryWaiters
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<DeliveryWaiter>> _byRecipient = new(StringComparer.Ordinal);
    private readonly IOptions<DeliveryOptions> _options;
    private readonly GatewayMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private int _count;

    public DeliveryWaiters(IOptions<DeliveryOptions> options, GatewayMetrics metrics, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _options = options;
        _metrics = metrics;
        _time = time;
        _stopping = lifetime.ApplicationStopping;
        _stopping.Register(WakeAll);
    }

    /// <summary>True once the node is stopping: no call waits any more.</summary>
    public bool Stopping => _stopping.IsCancellationRequested;

    /// <summary>A call that wants to wait for <paramref name="recipient"/>'s messages; null when the node may not take one more (or is stopping).</summary>
    public DeliveryWaiter? TryAdd(string recipient)
    {
        lock (_lock)
        {
            if (_count >= _options.Value.MaxWaitingCalls || Stopping)
            {
                return null;
            }
            var waiter = new DeliveryWaiter(recipient, this, _time);
            if (!_byRecipient.TryGetValue(recipient, out var waiters))
            {
                _byRecipient[recipient] = waiters = [];
            }
            waiters.Add(waiter);
            _count++;
            _metrics.WaitStarted();
            return waiter;
        }
    }

    /// <summary>How many calls wait for <paramref name="recipient"/>'s messages now.</summary>
    public int WaitingFor(string recipient)
    {
        lock (_lock)
        {
            return _byRecipient.TryGetValue(recipient, out var waiters) ? waiters.Count : 0;
        }
    }

    /// <summary>Wakes the calls waiting for <paramref name="recipient"/>: each looks at its inbox again.</summary>
    public void Wake(string recipient)
    {
        lock (_lock)
        {
            if (_byRecipient.TryGetValue(recipient, out var waiters))
            {
                foreach (var waiter in waiters)
                {
                    waiter.Wake();
                }
            }
        }
    }

    /// <summary>Wakes every waiting call: after notifications may have been lost, and when the node stops.</summary>
    public void WakeAll()
    {
        lock (_lock)
        {
            foreach (var waiter in _byRecipient.Values.SelectMany(w => w))
            {
                waiter.Wake();
            }
        }
    }

    internal void Remove(DeliveryWaiter waiter)
    {
        lock (_lock)
        {
            if (_byRecipient.TryGetValue(waiter.Recipient, out var waiters) && waiters.Remove(waiter))
            {
                if (waiters.Count == 0)
                {
                    _byRecipient.Remove(waiter.Recipient);
                }
                _count--;
                _metrics.WaitEnded();
            }
        }
    }
}
