namespace Exchange.Domain.Delivery;

/// <summary>
/// A message's EOL: past it the message is no longer handed to its recipient or acknowledged, it expires, whether the
/// sweep finds it waiting or it reaches the recipient's inbox too late.
/// </summary>
public static class EndOfLife
{
    /// <summary>What the history and the sender's status stream say when a message expired.</summary>
    public static string ExpiredReason(DateTimeOffset endOfLife) =>
        $"EOL {endOfLife.ToUniversalTime():O} passed before the recipient acknowledged the message";
}
