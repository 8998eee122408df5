using Bot.Core.Scheduling;
using Bot.Host.Scheduling;

namespace Bot.IntegrationTests.Scheduling;

/// <summary>The schedule rules with the real Quartz calendar: time zones, DST, windows, quiet hours, pause, snooze, skip, back-off.</summary>
public sealed class CheckInRulesTests
{
    private static readonly ICheckInCalendar Calendar = new QuartzCheckInCalendar();
    private static readonly Guid Person = Guid.Parse("0193a3c0-0000-7000-8000-000000000001");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static CheckInSchedule Schedule(Func<CheckInPreferences, CheckInPreferences>? edit = null) =>
        new(true, false, (edit ?? (p => p))(CheckInPreferences.Default), DispatchState.Empty);

    private static LocalSpan At(int hour, int minute = 0) => new(new TimeOnly(hour, minute), new TimeOnly(hour, minute));

    [Fact]
    public void NextAt_InBerlinWinter_IsOneHourBeforeUtc()
    {
        var next = Calendar.NextAt(new TimeOnly(9, 0), CheckInDays.Daily, "Europe/Berlin", Utc(2026, 11, 24, 6));

        Assert.Equal(Utc(2026, 11, 24, 8), next);
    }

    [Fact]
    public void NextAt_SpringForwardGap_ShiftsForwardInsteadOfSkipping()
    {
        // 2026-03-29 in Berlin: 02:00 jumps to 03:00, so 02:30 does not exist that day.
        var next = Calendar.NextAt(new TimeOnly(2, 30), CheckInDays.Daily, "Europe/Berlin", Utc(2026, 3, 28, 12));

        Assert.Equal(Utc(2026, 3, 29, 1), next);
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(Calendar.ToLocal(next!.Value, "Europe/Berlin").DateTime));
    }

    [Fact]
    public void NextAt_FallBackRepeatedHour_FiresOnce()
    {
        // 2026-10-25 in Berlin: 02:00-03:00 happens twice (first at +02:00, then at +01:00).
        var first = Calendar.NextAt(new TimeOnly(2, 30), CheckInDays.Daily, "Europe/Berlin", Utc(2026, 10, 24, 12));
        var second = Calendar.NextAt(new TimeOnly(2, 30), CheckInDays.Daily, "Europe/Berlin", first!.Value);

        Assert.Equal(Utc(2026, 10, 25, 0, 30), first);
        Assert.Equal(Utc(2026, 10, 26, 1, 30), second);
    }

    [Fact]
    public void NextCheckIn_AcrossSpringForwardInNewYork_KeepsLocalTime()
    {
        var schedule = Schedule(p => p with { Window = At(8) });

        var before = CheckInRules.NextCheckIn(Person, schedule, "America/New_York", Utc(2026, 3, 7, 0), Calendar);
        var after = CheckInRules.NextCheckIn(Person, schedule, "America/New_York", before!.Value, Calendar);

        Assert.Equal(Utc(2026, 3, 7, 13), before); // 08:00 EST
        Assert.Equal(Utc(2026, 3, 8, 12), after);  // 08:00 EDT
    }

    [Fact]
    public void SlotFor_IsStableAndInsideTheWindow_AndSpreadsPeople()
    {
        var window = new LocalSpan(new TimeOnly(9, 0), new TimeOnly(10, 0));
        var people = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToArray();

        var slots = people.Select(p => CheckInRules.SlotFor(p, window)).ToArray();

        Assert.All(slots, s => Assert.True(window.Contains(s), $"{s} is outside {window}"));
        Assert.Equal(slots, people.Select(p => CheckInRules.SlotFor(p, window)));
        Assert.True(slots.Distinct().Count() > 1500, "people should be spread over the window's seconds");
    }

    [Fact]
    public void NextCheckIn_WindowToday_AlreadyPassed_IsTomorrowInsideTheWindow()
    {
        var schedule = Schedule(p => p with { Window = new LocalSpan(new TimeOnly(9, 0), new TimeOnly(10, 0)) });

        var next = CheckInRules.NextCheckIn(Person, schedule, "Europe/Berlin", Utc(2026, 11, 24, 12), Calendar)!.Value;

        var local = Calendar.ToLocal(next, "Europe/Berlin");
        Assert.Equal(new DateTime(2026, 11, 25), local.Date);
        Assert.InRange(TimeOnly.FromDateTime(local.DateTime), new TimeOnly(9, 0), new TimeOnly(9, 59, 59));
    }

    [Fact]
    public void NextCheckIn_Weekdays_FromFridayEvening_IsMonday()
    {
        var schedule = Schedule(p => p with { Days = CheckInDays.Weekdays, Window = At(9) });

        var next = CheckInRules.NextCheckIn(Person, schedule, "Asia/Tokyo", Utc(2026, 11, 27, 12), Calendar); // Fri 21:00 in Tokyo

        Assert.Equal(Utc(2026, 11, 30, 0), next); // Mon 09:00 JST
    }

    [Fact]
    public void NextCheckIn_InsideQuietHours_MovesToTheirEnd()
    {
        var schedule = Schedule(p => p with { Window = At(6), Quiet = new LocalSpan(new TimeOnly(22, 0), new TimeOnly(7, 0)) });

        var next = CheckInRules.NextCheckIn(Person, schedule, "Europe/Berlin", Utc(2026, 11, 24, 12), Calendar);

        Assert.Equal(Utc(2026, 11, 25, 6), next); // 07:00 CET
    }

    [Fact]
    public void NextCheckIn_WhilePaused_IsTheFirstAfterThePause()
    {
        var schedule = Schedule(p => p with { Window = At(9), PausedUntil = Utc(2026, 11, 27, 12) });

        var next = CheckInRules.NextCheckIn(Person, schedule, "Etc/UTC", Utc(2026, 11, 24, 12), Calendar);

        Assert.Equal(Utc(2026, 11, 28, 9), next);
    }

    [Fact]
    public void NextCheckIn_Snoozed_ComesAtTheSnoozeTime_AndQuietHoursStillHold()
    {
        var snoozed = Schedule(p => p with { Window = At(9), SnoozedUntil = Utc(2026, 11, 24, 10) });
        var snoozedIntoQuiet = Schedule(p => p with
        {
            Window = At(9),
            SnoozedUntil = Utc(2026, 11, 24, 23),
            Quiet = new LocalSpan(new TimeOnly(22, 0), new TimeOnly(7, 30)),
        });

        Assert.Equal(Utc(2026, 11, 24, 10), CheckInRules.NextCheckIn(Person, snoozed, "Etc/UTC", Utc(2026, 11, 24, 9), Calendar));
        Assert.Equal(Utc(2026, 11, 25, 7, 30), CheckInRules.NextCheckIn(Person, snoozedIntoQuiet, "Etc/UTC", Utc(2026, 11, 24, 21), Calendar));
    }

    [Fact]
    public void NextCheckIn_SkipNext_IsTheOneAfter()
    {
        var schedule = Schedule(p => p with { Window = At(9), SkipThrough = Utc(2026, 11, 25, 9) });

        var next = CheckInRules.NextCheckIn(Person, schedule, "Etc/UTC", Utc(2026, 11, 24, 12), Calendar);

        Assert.Equal(Utc(2026, 11, 26, 9), next);
    }

    [Fact]
    public void NextCheckIn_Stopped_IsNone()
    {
        var stopped = Schedule(p => p with { Window = At(9) }) with { Stopped = true };

        Assert.Null(CheckInRules.NextCheckIn(Person, stopped, "Etc/UTC", Utc(2026, 11, 24, 12), Calendar));
    }

    [Fact]
    public void BackOff_AfterUnansweredCheckIns_SendsFewer()
    {
        var schedule = Schedule(p => p with { Window = At(9) });
        var every = CheckInRules.BackOffFactor(unanswered: 3, backOffAfter: 3);

        var next = CheckInRules.NextCheckIn(Person, schedule, "Etc/UTC", Utc(2026, 11, 24, 12), Calendar, every);

        Assert.Equal(1, CheckInRules.BackOffFactor(2, 3));
        Assert.Equal(2, every);
        Assert.Equal(4, CheckInRules.BackOffFactor(6, 3));
        Assert.Equal(Utc(2026, 11, 26, 9), next);
    }

    [Fact]
    public void FollowUpTime_SameDayOutsideQuietHours_OtherwiseNone()
    {
        var preferences = CheckInPreferences.Default with { Quiet = new LocalSpan(new TimeOnly(22, 0), new TimeOnly(7, 0)) };

        var afternoon = CheckInRules.FollowUpTime(Utc(2026, 11, 24, 13), TimeSpan.FromHours(4), preferences, "Europe/Berlin", Calendar);
        var evening = CheckInRules.FollowUpTime(Utc(2026, 11, 24, 19), TimeSpan.FromHours(4), preferences, "Europe/Berlin", Calendar);

        Assert.Equal(Utc(2026, 11, 24, 17), afternoon);
        Assert.Null(evening);
    }

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("America/New York", "America/New_York")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("new york", "America/New_York")]
    public void TryNormalize_KnownZones(string input, string expected)
    {
        Assert.True(Calendar.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Atlantis")]
    [InlineData("")]
    public void TryNormalize_UnknownZones(string input) => Assert.False(Calendar.TryNormalize(input, out _));
}
