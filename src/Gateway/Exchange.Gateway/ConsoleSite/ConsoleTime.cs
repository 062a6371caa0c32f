using System.Globalization;
using Exchange.Gateway.Deadlines;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.ConsoleSite;

/// <summary>
/// Times as the console shows and reads them: in the region's time zone (the one deadlines are counted in), to the
/// second, the same in every language. Operators compare them with their EDMS, which lives in that zone too.
/// </summary>
public sealed class ConsoleTime(IOptions<CalendarOptions> calendar)
{
    private const string Shown = "yyyy-MM-dd HH:mm:ss";

    // What an <input type="datetime-local"> sends, with or without seconds.
    private static readonly string[] Entered = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(calendar.Value.TimeZone);

    public string Format(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString(Shown, CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at) => at is { } value ? Format(value) : "";

    /// <summary>The value an <c>input type="datetime-local"</c> shows for <paramref name="at"/>.</summary>
    public string ToInput(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, Zone).ToString(Entered[0], CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Reads a local time typed in the region's zone, as a UTC instant; null when empty. False when it is not a time at all, so the page
    /// can say so instead of silently searching without it.
    /// </summary>
    public bool TryParseInput(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        // Years the region's records can hold; outside them (year 1, say) the zone's offset would leave DateTimeOffset's range.
        if (!DateTime.TryParseExact(text.Trim(), Entered, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 1900 or > 9998)
        {
            return false;
        }
        // A time the clocks skipped (none in Russia since 2014, but the zone is configurable) is read an hour later.
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        // In UTC: the region's offset has done its work, and PostgreSQL's timestamptz parameters take UTC only.
        at = new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
