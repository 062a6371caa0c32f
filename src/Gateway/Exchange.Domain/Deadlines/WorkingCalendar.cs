using Exchange.Domain.Directory;

namespace Exchange.Domain.Deadlines;

/// <summary>When an answer is due: the end of the last day of the deadline, in the region's time zone.</summary>
public sealed class WorkingCalendar
{
    // Labour Code art. 112: 1-6 and 8 January (New Year holidays), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June, 4 November.
    private static readonly (int Month, int Day)[] FixedHolidays =
        [(1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (1, 6), (1, 7), (1, 8), (2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)];

    private readonly TimeZoneInfo _zone;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekends;

    /// <param name="zone">The region's time zone: a day and a deadline end at its midnight.</param>
    /// <param name="holidays">Days off beyond the fixed holidays, e.g. a holiday transferred onto a Monday.</param>
    /// <param name="workingWeekends">Saturdays or Sundays made working days by a transfer.</param>
    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekends)
    {
        _zone = zone;
        _holidays = [.. holidays];
        _workingWeekends = [.. workingWeekends];
    }

    /// <summary>
    /// The deadline counted as the Civil Code counts periods (art. 191-193): from the day after
    /// <paramref name="from"/>, to the end of the last day; a calendar period ending on a day off ends on the next
    /// working day. Working days skip weekends and holidays.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset from, AnswerDeadline deadline)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        if (deadline.DayKind == DayKind.Calendar)
        {
            day = day.AddDays(deadline.Days);
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(1);
            }
        }
        else
        {
            for (var counted = 0; counted < deadline.Days;)
            {
                day = day.AddDays(1);
                counted += IsWorkingDay(day) ? 1 : 0;
            }
        }
        var endOfDay = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(endOfDay, _zone.GetUtcOffset(endOfDay)).ToUniversalTime();
    }

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekends.Contains(day)
        || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && !_holidays.Contains(day)
            && !FixedHolidays.Contains((day.Month, day.Day)));
}
