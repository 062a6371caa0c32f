using System.Globalization;

namespace Exchange.Domain.Audit;

/// <summary>
/// Where a page of the audit ends. Entries come newest first by time, then console actions before directory changes
/// of the same moment (<see cref="Source"/> 1 before 0), then by id: the order both tables' (at, id) indexes give.
/// Written as <c>microseconds-source-id</c>, the microseconds since the Unix epoch being PostgreSQL's resolution.
/// </summary>
public sealed record AuditCursor(DateTimeOffset At, int Source, long Id)
{
    public const int DirectorySource = 0;
    public const int ConsoleSource = 1;

    public string Encode() => FormattableString.Invariant($"{(At - DateTimeOffset.UnixEpoch).Ticks / 10}-{Source}-{Id}");

    /// <summary>The cursor <paramref name="text"/> encodes; null when it is not one a page gave.</summary>
    public static AuditCursor? Decode(string text)
    {
        var parts = text.Split('-');
        const NumberStyles digits = NumberStyles.None;
        if (parts.Length != 3
            || !long.TryParse(parts[0], digits, CultureInfo.InvariantCulture, out var microseconds)
            || !int.TryParse(parts[1], digits, CultureInfo.InvariantCulture, out var source) || source is not (DirectorySource or ConsoleSource)
            || !long.TryParse(parts[2], digits, CultureInfo.InvariantCulture, out var id)
            || microseconds > (DateTimeOffset.MaxValue - DateTimeOffset.UnixEpoch).Ticks / 10)
        {
            return null;
        }
        return new AuditCursor(DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10), source, id);
    }
}
