using Exchange.Domain.Deadlines;
using Exchange.Domain.Directory;

namespace Exchange.Gateway.Tests.Deadlines;

/// <summary>Answer deadlines as the Civil Code counts periods, in Moscow time, with the Labour Code's holidays.</summary>
public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow"),
        holidays: [new DateOnly(2026, 3, 9)],          // 8 March 2026 is a Sunday: the day off moves to Monday
        workingWeekends: [new DateOnly(2026, 12, 26)]); // an imagined working Saturday

    /// <summary>The end of <paramref name="day"/> in Moscow (UTC+3) as UTC.</summary>
    private static DateTimeOffset EndOf(int year, int month, int day) =>
        new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.FromHours(3)).AddDays(1).ToUniversalTime();

    [Fact]
    public void thirty_calendar_days_start_the_day_after_arrival_and_end_at_the_close_of_the_last_day()
    {
        var arrived = new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.FromHours(3));

        Assert.Equal(EndOf(2026, 5, 4), Calendar.DueAt(arrived, new AnswerDeadline(30, DayKind.Calendar)));   // 1 May is a holiday, 2-3 May a weekend
        Assert.Equal(EndOf(2026, 4, 30), Calendar.DueAt(arrived, new AnswerDeadline(29, DayKind.Calendar)));
    }

    [Fact]
    public void the_day_of_arrival_is_the_regions_day_not_utcs()
    {
        var lateEveningUtcIsNextMorningInMoscow = new DateTimeOffset(2026, 4, 6, 22, 30, 0, TimeSpan.Zero);   // Tuesday 01:30 in Moscow

        Assert.Equal(EndOf(2026, 4, 8), Calendar.DueAt(lateEveningUtcIsNextMorningInMoscow, new AnswerDeadline(1, DayKind.Calendar)));
    }

    [Fact]
    public void working_days_skip_weekends_fixed_holidays_and_configured_transfers()
    {
        var friday = new DateTimeOffset(2026, 3, 6, 10, 0, 0, TimeSpan.FromHours(3));

        // Skipped: 7-8 March (weekend, 8 March also a holiday) and 9 March (the transferred day off).
        Assert.Equal(EndOf(2026, 3, 12), Calendar.DueAt(friday, new AnswerDeadline(3, DayKind.Working)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 1, 8)));
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 11, 4)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 12, 26)));
    }

    [Fact]
    public void ten_working_days_across_the_new_year_holidays()
    {
        var arrived = new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(3));   // Monday

        // 29, 30, 31 December; 1-8 January are off, 9-10 January a weekend; then 11-15 and 18-19 January.
        Assert.Equal(EndOf(2027, 1, 19), Calendar.DueAt(arrived, new AnswerDeadline(10, DayKind.Working)));
    }
}
