namespace Exchange.Bench.Waiting;

/// <summary>What the receivers of a <see cref="TrickleRun"/> did, counted from all of them at once.</summary>
internal sealed class ReceiveTally(int messages)
{
    private readonly TaskCompletionSource _allAcknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errors = [];
    private int _calls;
    private int _acknowledged;

    public Task AllAcknowledged => _allAcknowledged.Task;
    public int Calls => Volatile.Read(ref _calls);
    public int Acknowledged => Volatile.Read(ref _acknowledged);

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public void Called() => Interlocked.Increment(ref _calls);

    public void Acknowledge()
    {
        if (Interlocked.Increment(ref _acknowledged) == messages)
        {
            _allAcknowledged.TrySetResult();
        }
    }

    public void Failed(string role, Exception error)
    {
        lock (_errors)
        {
            _errors.Add($"{role}: {error.GetType().Name}: {error.Message}");
        }
    }
}
