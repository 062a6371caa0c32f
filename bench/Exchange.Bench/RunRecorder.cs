using System.Diagnostics;

namespace Exchange.Bench;

/// <summary>
/// What happens to every message of a run, in <see cref="Stopwatch"/> timestamps. Senders and receivers call it
/// all at once; one lock is plenty at a few thousand calls a second and keeps the bookkeeping obvious.
/// </summary>
public sealed class RunRecorder(int messages)
{
    private const int ErrorsKept = 5;

    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, long> _sendStarted = new(messages);
    private readonly HashSet<Guid> _acknowledged = new(messages);
    private readonly List<double> _sendMilliseconds = new(messages);
    private readonly List<double> _roundTripMilliseconds = new(messages);
    private readonly List<string> _firstErrors = [];
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private long _lastAcceptedAt;
    private long _lastAcknowledgedAt;
    private int _taken;
    private int _failedSends;
    private int _duplicates;
    private int _errors;
    private bool _sendsFinished;

    /// <summary>Claims one of the run's messages for a sender; false once all are claimed.</summary>
    public bool TryTakeMessage() => Interlocked.Increment(ref _taken) <= messages;

    public void SendStarting(Guid messageId, long at)
    {
        lock (_lock)
        {
            _sendStarted[messageId] = at;
        }
    }

    public void SendAccepted(Guid messageId, long at)
    {
        lock (_lock)
        {
            _sendMilliseconds.Add(Stopwatch.GetElapsedTime(_sendStarted[messageId], at).TotalMilliseconds);
            _lastAcceptedAt = Math.Max(_lastAcceptedAt, at);
        }
    }

    public void SendFailed(Guid messageId, Exception error)
    {
        lock (_lock)
        {
            _failedSends++;
            Keep($"SendRequest {messageId}: {error.GetType().Name}: {error.Message}");
        }
    }

    public void SendsFinished()
    {
        lock (_lock)
        {
            _sendsFinished = true;
        }
    }

    public void Acknowledged(Guid messageId, long at)
    {
        lock (_lock)
        {
            if (!_acknowledged.Add(messageId))
            {
                // The lease outlasts the run, so a second hand-over of an acknowledged message is a gateway bug.
                _duplicates++;
                Keep($"message {messageId} was handed over again after its Ack");
                return;
            }
            if (!_sendStarted.TryGetValue(messageId, out var started))
            {
                Keep($"message {messageId} was handed over but never sent by this run");
                return;
            }
            _roundTripMilliseconds.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
            _lastAcknowledgedAt = Math.Max(_lastAcknowledgedAt, at);
        }
    }

    public void Failed(string role, Exception error)
    {
        lock (_lock)
        {
            Keep($"{role}: {error.GetType().Name}: {error.Message}");
        }
    }

    /// <summary>True once every sender is done and every accepted message is acknowledged: receivers may stop.</summary>
    public bool IsComplete
    {
        get
        {
            lock (_lock)
            {
                return _sendsFinished && _roundTripMilliseconds.Count >= _sendMilliseconds.Count;
            }
        }
    }

    /// <param name="processCpu">CPU time this process (clients and gateway) spent during the run.</param>
    public RunResult Result(TimeSpan processCpu, bool timedOut)
    {
        var endedAt = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            return new RunResult(
                messages,
                _sendMilliseconds.Count,
                _failedSends,
                _roundTripMilliseconds.Count,
                _duplicates,
                Stopwatch.GetElapsedTime(_startedAt, endedAt),
                Stopwatch.GetElapsedTime(_startedAt, _lastAcceptedAt == 0 ? endedAt : _lastAcceptedAt),
                Stopwatch.GetElapsedTime(_startedAt, _lastAcknowledgedAt == 0 ? endedAt : _lastAcknowledgedAt),
                LatencySummary.Of(_sendMilliseconds),
                LatencySummary.Of(_roundTripMilliseconds),
                processCpu,
                timedOut,
                _errors,
                [.. _firstErrors]);
        }
    }

    private void Keep(string error)
    {
        _errors++;
        if (_firstErrors.Count < ErrorsKept)
        {
            _firstErrors.Add(error);
        }
    }
}
