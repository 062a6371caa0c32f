using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Exchange.Protocol.Faults;

namespace Exchange.Protocol;

/// <summary>
/// SMEV 3 message identifiers: lower-case RFC 4122 version 1 (time-based) UUIDs, assigned by the sender.
/// </summary>
public static partial class MessageIds
{
    private static readonly DateTime GregorianEpoch = new(1582, 10, 15, 0, 0, 0, DateTimeKind.Utc);

    public static Guid Parse(string value)
    {
        if (!Version1Pattern().IsMatch(value))
        {
            throw new SmevFaultException(SmevFault.InvalidMessageIdFormat(value));
        }
        return Guid.Parse(value);
    }

    public static bool IsVersion1(string value) => Version1Pattern().IsMatch(value);

    /// <summary>When the identifier says it was made (the UUID's 60-bit timestamp).</summary>
    public static DateTimeOffset CreatedAt(Guid id)
    {
        var text = id.ToString("N");
        var timeLow = Convert.ToInt64(text[..8], 16);
        var timeMid = Convert.ToInt64(text[8..12], 16);
        var timeHigh = Convert.ToInt64(text[12..16], 16) & 0x0FFF;
        var ticks = (timeHigh << 48) | (timeMid << 32) | timeLow;
        return new DateTimeOffset(GregorianEpoch.AddTicks(ticks));
    }

    /// <summary>
    /// A new version 1 identifier made at <paramref name="now"/>. Clock sequence and node are random (RFC 4122 §4.5),
    /// 62 bits together, so identifiers made in the same 100 ns tick still differ.
    /// </summary>
    public static Guid NewVersion1(DateTimeOffset now)
    {
        var timestamp = (now.UtcDateTime - GregorianEpoch).Ticks;
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var clockSequence = ((random[0] << 8) | random[1]) & 0x3FFF | 0x8000;
        random[2] |= 0x01; // multicast bit: marks a random node, not a MAC address
        var node = Convert.ToHexStringLower(random[2..]);
        return Guid.Parse(
            $"{timestamp & 0xFFFFFFFF:x8}-{(timestamp >> 32) & 0xFFFF:x4}-{((timestamp >> 48) & 0x0FFF) | 0x1000:x4}-{clockSequence:x4}-{node}");
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex Version1Pattern();
}
