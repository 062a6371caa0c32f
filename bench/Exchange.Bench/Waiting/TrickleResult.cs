namespace Exchange.Bench.Waiting;

/// <summary>The figures of one <see cref="TrickleRun"/>.</summary>
/// <param name="Calls">GetRequest calls the receivers made, empty ones included.</param>
/// <param name="ProcessCpu">CPU time of the bench process (clients and gateway) from the first send to the last Ack.</param>
/// <param name="InboxToDelivered">From a message reaching the inbox to its first hand-over, by the gateway's own timestamps.</param>
public sealed record TrickleResult(ReceiveMode Mode, int Sent, int Acknowledged, int Calls, TimeSpan ProcessCpu,
    LatencySummary InboxToDelivered, IReadOnlyList<string> Errors)
{
    public TimeSpan CpuPerMessage => ProcessCpu / Math.Max(1, Acknowledged);

    public bool Succeeded => Errors.Count == 0 && Acknowledged == Sent;
}
