using System.Globalization;
using Exchange.Domain.Messages;

namespace Exchange.Domain.Delivery;

/// <summary>
/// A message handed out again because the recipient's previous lease on it ran out without an Ack: its history says
/// so, with how many times it has been handed out.
/// </summary>
public static class LeaseRedelivery
{
    /// <summary>The words of <see cref="Reason"/>, around the delivery count.</summary>
    public static readonly ReasonTemplate Redelivered = new("redelivery {0}: the previous lease ran out without an Ack");

    /// <summary>What the history says of the <paramref name="deliveryCount"/>-th handing out (the second and later).</summary>
    public static string Reason(int deliveryCount) => Redelivered.With(deliveryCount.ToString(CultureInfo.InvariantCulture));

    /// <summary>The delivery count a <see cref="Reason"/> names; false for any other reason.</summary>
    public static bool TryReadReason(string? reason, out int deliveryCount)
    {
        deliveryCount = 0;
        if (!Redelivered.TryRead(reason, out var value)
            || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }
        deliveryCount = parsed;
        return true;
    }
}
