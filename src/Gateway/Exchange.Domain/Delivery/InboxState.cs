namespace Exchange.Domain.Delivery;

/// <summary>A participant's inbox as the console shows it: what waits for it, and when it last took something.</summary>
/// <param name="Waiting">Messages not yet acknowledged (nor expired), leased ones among them.</param>
/// <param name="Leased">Of those, the ones handed out and still within their lease.</param>
/// <param name="OldestWaitingAt">When the oldest waiting message reached the inbox; null when none waits.</param>
/// <param name="LastTakeAt">When the participant last took a message, to a minute; null when it never has.</param>
public sealed record InboxState(string Participant, long Waiting, long Leased, DateTimeOffset? OldestWaitingAt, DateTimeOffset? LastTakeAt)
{
    public static InboxState Idle(string participant) => new(participant, 0, 0, null, null);

    /// <summary>
    /// Whether the participant's own client is at work: it holds a lease now, or took a message within
    /// <paramref name="window"/>. A client that polls an empty inbox takes nothing and so cannot be told from one that stopped.
    /// </summary>
    public bool IsConsumerAlive(DateTimeOffset now, TimeSpan window) => Leased > 0 || LastTakeAt >= now - window;
}
