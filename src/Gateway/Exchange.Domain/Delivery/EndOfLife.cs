using System.Globalization;
using Exchange.Domain.Messages;

namespace Exchange.Domain.Delivery;

/// <summary>
/// A message's EOL: past it the message is no longer handed to its recipient or acknowledged, it expires, whether the
/// sweep finds it waiting or it reaches the recipient's inbox too late.
/// </summary>
public static class EndOfLife
{
    private const string RoundTrip = "O";

    /// <summary>The words of <see cref="ExpiredReason"/>, around the EOL in UTC.</summary>
    public static readonly ReasonTemplate Expired = new("EOL {0} passed before the recipient acknowledged the message");

    /// <summary>What the history and the sender's status stream say when a message expired.</summary>
    public static string ExpiredReason(DateTimeOffset endOfLife) =>
        Expired.With(endOfLife.ToUniversalTime().ToString(RoundTrip, CultureInfo.InvariantCulture));

    /// <summary>The EOL an <see cref="ExpiredReason"/> names; false for any other reason.</summary>
    public static bool TryReadExpiredReason(string? reason, out DateTimeOffset endOfLife)
    {
        endOfLife = default;
        if (!Expired.TryRead(reason, out var value)
            || !DateTimeOffset.TryParseExact(value, RoundTrip, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }
        endOfLife = parsed;
        return true;
    }
}
