using Bot.Adapters.Persistence;
using Bot.IntegrationTests.Scheduling.Week;

namespace Bot.IntegrationTests.Scheduling;

/// <summary>Consent before any schedule, and settings that never contradict each other (issue 17), on PostgreSQL.</summary>
public sealed class SettingsAgreeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset TuesdayMorning = WeekChat.Utc(24, 9); // 10:00 in Berlin
    private WeekChat _chat = null!;

    public async Task InitializeAsync() => _chat = await WeekChat.StartAsync(StoreProvider.Postgres, TuesdayMorning);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task SettingsCommands_BeforeAnyYes_SavePreferences_PlanNothing_AndOfferTheYes()
    {
        Assert.Equal(["Welcome", "settings:timezoneSet", "settings:consentNeeded"], await _chat.SayAsync("/timezone Europe/Berlin"));
        Assert.Equal(["settings:windowSet", "settings:consentNeeded"], await _chat.SayAsync("/window 09:00-10:00"));
        Assert.Equal(["settings:daysSet", "settings:consentNeeded"], await _chat.SayAsync("/days weekdays"));

        var schedule = await _chat.ScheduleAsync();
        Assert.False(schedule.Enabled);
        Assert.Null(await _chat.NextDueAtAsync());
        Assert.Equal("Europe/Berlin", await _chat.TimeZoneAsync());
        Assert.Equal(new TimeOnly(9, 0), schedule.Preferences.Window.Start);
        Assert.Null(await _chat.SettingsAgreeAsync());

        var yes = await _chat.PressAsync("sched:yes");
        Assert.Equal(["settings:consentGiven", "settings:next"], yes);
        var planned = await _chat.SettingsAgreeAsync();
        Assert.NotNull(planned);
        Assert.Contains("Opener", await _chat.UntilCheckInAsync(planned.Value));
    }

    [Fact]
    public async Task Resume_FromSomeoneWhoNeverSaidYes_AsksForTheYes_AndWelcomesOnlyOnce()
    {
        var keys = await _chat.SayAsync("/resume");

        Assert.Equal(["Welcome", "settings:notOnYet"], keys);
        Assert.False((await _chat.ScheduleAsync()).Enabled);
        Assert.Null(await _chat.NextDueAtAsync());
    }

    [Fact]
    public async Task RightAfterAllSet_SettingsNamesTheCheckInThatThenComes()
    {
        await _chat.AgreeAsync("Berlin", "08:00");

        var planned = await _chat.SettingsAgreeAsync();

        Assert.NotNull(planned);
        Assert.Contains("Opener", await _chat.UntilCheckInAsync(planned.Value));
    }

    [Fact]
    public async Task WindowInsideQuietHours_IsRefusedKindly_AndQuietHoursCoveringTheWindowToo()
    {
        await _chat.AgreeAsync("Europe/Berlin", "09:00");
        await _chat.SayAsync("/quiet 22:00-08:00");

        Assert.Equal(["settings:windowInQuiet"], await _chat.SayAsync("/window 23:00-23:30"));
        Assert.Equal(new TimeOnly(9, 0), (await _chat.ScheduleAsync()).Preferences.Window.Start);

        Assert.Equal(["settings:quietCoversWindow"], await _chat.SayAsync("/quiet 08:30-10:00"));
        Assert.Equal(new TimeOnly(22, 0), (await _chat.ScheduleAsync()).Preferences.Quiet!.Start);
        await _chat.SettingsAgreeAsync();
    }

    [Fact]
    public async Task QuietHoursOverlappingPartOfTheWindow_TheNextCheckInStaysInsideTheWindow()
    {
        await _chat.AgreeAsync("Europe/Berlin", "09:00");
        await _chat.SayAsync("/window 09:00-10:00");

        foreach (var quiet in new[] { "/quiet 22:00-09:40", "/quiet 09:20-12:00", "/quiet 09:10-09:50" })
        {
            await _chat.SayAsync(quiet);
            var planned = await _chat.SettingsAgreeAsync();
            var local = TimeOnly.FromTimeSpan(planned!.Value.ToOffset(TimeSpan.FromHours(1)).TimeOfDay);
            Assert.True(local >= new TimeOnly(9, 0) && local < new TimeOnly(10, 0), $"{quiet}: {local}");
            Assert.False((await _chat.ScheduleAsync()).Preferences.Quiet!.Contains(local), $"{quiet}: {local}");
        }
    }

    [Fact]
    public async Task Snooze_WithNothingDue_SaysSo_AndChangesNothing()
    {
        await _chat.AgreeAsync("Europe/Berlin", "19:00");
        var before = await _chat.SettingsAgreeAsync();

        Assert.Equal(["settings:snoozeNothing", "settings:next"], await _chat.SayAsync("/snooze 1h"));

        Assert.Null((await _chat.ScheduleAsync()).Preferences.SnoozedUntil);
        Assert.Equal(before, await _chat.SettingsAgreeAsync());
    }

    [Fact]
    public async Task StopAndResume_DropASnooze_AndTheNextCheckInIsInTheWindowAgain()
    {
        await _chat.AgreeAsync("Europe/Berlin", "19:00");
        var first = await _chat.SettingsAgreeAsync();
        await _chat.UntilCheckInAsync(first!.Value);
        Assert.Equal(["settings:snoozeSet"], await _chat.SayAsync("/snooze 3h"));
        Assert.NotNull((await _chat.ScheduleAsync()).Preferences.SnoozedUntil);

        await _chat.SayAsync("/stop");
        var resumed = await _chat.SayAsync("/resume");

        Assert.Equal(["Resumed", "settings:next"], resumed);
        Assert.Null((await _chat.ScheduleAsync()).Preferences.SnoozedUntil);
        var next = await _chat.SettingsAgreeAsync();
        Assert.Equal(first.Value.AddDays(1), next);
    }

    [Theory]
    [InlineData("/pause -3d", "settings:pauseNegative")]
    [InlineData("/pause 999d", "settings:pauseTooLong")]
    [InlineData("/pause until 2020-01-01", "settings:pausePast")]
    [InlineData("/pause someday", "settings:pauseHelp")]
    public async Task Pause_ThatCannotBe_SaysExactlyWhy(string command, string key)
    {
        await _chat.AgreeAsync("Europe/Berlin", "19:00");
        var before = await _chat.ScheduleAsync();

        Assert.Equal([key], await _chat.SayAsync(command));

        Assert.Null((await _chat.ScheduleAsync()).Preferences.PausedUntil);
        Assert.Equal(before.State.CheckInAt ?? (await _chat.ScheduleAsync()).State.CheckInAt, (await _chat.ScheduleAsync()).State.CheckInAt);
        if (key == "settings:pauseTooLong")
        {
            Assert.Contains("366", _chat.LastTexts[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("New York", "America/New_York")]
    [InlineData("new york", "America/New_York")]
    [InlineData("asia/tokyo", "Asia/Tokyo")]
    public async Task TimeZone_TakesCityNames_LikeFirstContactDoes(string typed, string zone)
    {
        await _chat.AgreeAsync("Europe/London", "19:00");

        Assert.Equal(["settings:timezoneSet", "settings:next"], await _chat.SayAsync("/timezone " + typed));

        Assert.Equal(zone, await _chat.TimeZoneAsync());
        await _chat.SettingsAgreeAsync();
    }
}
