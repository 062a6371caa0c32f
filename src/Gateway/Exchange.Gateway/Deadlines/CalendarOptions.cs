using System.ComponentModel.DataAnnotations;

namespace Exchange.Gateway.Deadlines;

/// <summary>
/// Configuration section <c>Exchange:Calendar</c>: the region's working calendar for answer deadlines counted in
/// working days. The non-working holidays fixed by article 112 of the Labour Code are built in; the government's
/// yearly transfers are configured: days off moved onto weekdays (<see cref="Holidays"/>) and weekends made
/// working (<see cref="WorkingWeekends"/>).
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Exchange:Calendar";

    /// <summary>The region's time zone: a day and a deadline end at its midnight.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>Extra non-working days, e.g. a holiday transferred onto a Monday.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Saturdays or Sundays made working days by a transfer.</summary>
    public List<DateOnly> WorkingWeekends { get; set; } = [];
}
