namespace Exchange.Bench;

/// <summary>The figures of one run, as <see cref="RunRecorder"/> collected them.</summary>
public sealed record RunResult(
    int Requested,
    int Accepted,
    int FailedSends,
    int Acknowledged,
    int DuplicateDeliveries,
    TimeSpan Wall,
    TimeSpan UntilLastAccept,
    TimeSpan UntilLastAck,
    LatencySummary SendRequest,
    LatencySummary SendToAck,
    TimeSpan ProcessCpu,
    bool TimedOut,
    int ErrorCount,
    IReadOnlyList<string> FirstErrors)
{
    public double AcceptedPerSecond => Accepted / UntilLastAccept.TotalSeconds;

    public double AcknowledgedPerSecond => Acknowledged / UntilLastAck.TotalSeconds;

    /// <summary>CPU of the bench process (signing clients and gateway together) per acknowledged message.</summary>
    public TimeSpan ProcessCpuPerMessage => ProcessCpu / Math.Max(1, Acknowledged);

    /// <summary>Every message was accepted, handed over once and acknowledged, and nothing failed.</summary>
    public bool Succeeded =>
        !TimedOut && ErrorCount == 0 && FailedSends == 0 && DuplicateDeliveries == 0 && Acknowledged == Requested;
}
