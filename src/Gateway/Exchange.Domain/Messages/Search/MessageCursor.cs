using System.Buffers.Binary;
using System.Buffers.Text;

namespace Exchange.Domain.Messages.Search;

/// <summary>
/// Where a page of search results ends: the last message's accepted time and MessageID, the order the search sorts by.
/// Callers hold it as an opaque base64url text and hand it back for the next page.
/// </summary>
public sealed record MessageCursor(DateTimeOffset AcceptedAt, Guid MessageId)
{
    // A version byte, the accepted time in microseconds since the Unix epoch (what PostgreSQL keeps), the MessageID.
    private const byte Version = 1;
    private const int Length = 1 + sizeof(long) + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], (AcceptedAt - DateTimeOffset.UnixEpoch).Ticks / 10);
        MessageId.TryWriteBytes(bytes[(1 + sizeof(long))..], bigEndian: true, out _);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The cursor <paramref name="text"/> encodes; null when it is not one this gateway wrote.</summary>
    public static MessageCursor? Decode(string text)
    {
        Span<byte> bytes = stackalloc byte[Length];
        if (text.Length != Base64Url.GetEncodedLength(Length)
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            return null;
        }
        var microseconds = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        var ticks = microseconds * 10;
        if (microseconds < 0 || ticks / 10 != microseconds || ticks > (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks)
        {
            return null;
        }
        return new MessageCursor(DateTimeOffset.UnixEpoch.AddTicks(ticks), new Guid(bytes[(1 + sizeof(long))..], bigEndian: true));
    }
}
