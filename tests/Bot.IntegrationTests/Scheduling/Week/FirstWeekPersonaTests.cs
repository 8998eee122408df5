using Bot.Adapters.Persistence;
using Bot.Core.Conversations;

namespace Bot.IntegrationTests.Scheduling.Week;

/// <summary>
/// A person's first week, one persona each, on PostgreSQL with a fake clock: what they send, what the bot answers (reply
/// keys), and every day /settings naming exactly the check-in that then comes (issue 17).
/// </summary>
public sealed class FirstWeekPersonaTests : IAsyncLifetime
{
    private static readonly DateTimeOffset WednesdayMorning = WeekChat.Utc(25, 8); // 09:00 in Berlin
    private WeekChat _chat = null!;

    public async Task InitializeAsync() => _chat = await WeekChat.StartAsync(StoreProvider.Postgres, WednesdayMorning);

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Fact]
    public async Task Resistant_SaysNotToday_EveryDay_AndIsNeverPushed()
    {
        await _chat.AgreeAsync("Berlin", "19:00");

        for (var day = 1; day <= 7; day++)
        {
            Assert.Contains("Opener", await NextCheckInAsync());
            Assert.Equal(["RespectTheNo"], await _chat.PressAsync("not-today"));
            Assert.Equal(["CloseWarmly"], await _chat.PressAsync("not-today"));
        }
    }

    [Fact]
    public async Task ConsentingLate_SaysNo_ChangesASetting_ThenSaysYesOnDayFour()
    {
        Assert.Equal(["Welcome", "AskConsent"], await _chat.SayAsync("hello"));
        Assert.Equal(["ConsentDeclined"], await _chat.PressAsync("no"));

        for (var day = 1; day <= 3; day++)
        {
            Assert.Null(await _chat.SettingsAgreeAsync());
            Assert.Empty(await _chat.PassTimeAsync(_chat.Now.AddDays(1)));
            if (day == 2)
            {
                Assert.Equal(["settings:windowSet", "settings:consentNeeded"], await _chat.SayAsync("/window 08:00-08:30"));
                Assert.Equal(["settings:timezoneSet", "settings:consentNeeded"], await _chat.SayAsync("/timezone Lisbon"));
            }
        }

        Assert.Equal(["settings:consentGiven", "settings:next"], await _chat.PressAsync("sched:yes"));
        for (var day = 4; day <= 7; day++)
        {
            Assert.Contains("Opener", await NextCheckInAsync());
            await AnswerBrieflyAsync();
        }
    }

    [Fact]
    public async Task NeverConsenting_TriesCommands_AndNothingIsEverScheduled()
    {
        Assert.Equal(["Welcome", "AskConsent"], await _chat.SayAsync("hi"));
        Assert.Equal(["ConsentDeclined"], await _chat.PressAsync("no"));

        string[] commands = ["/timezone New York", "/resume", "/snooze 1h", "/pause 3d", "/skip", "/days weekdays", "/settings"];
        for (var day = 1; day <= 7; day++)
        {
            var keys = await _chat.SayAsync(commands[day - 1]);
            Assert.Contains(keys, k => k is "settings:consentNeeded" or "settings:notOnYet");
            Assert.DoesNotContain("settings:next", keys);
            Assert.Null(await _chat.SettingsAgreeAsync());
            Assert.Empty(await _chat.PassTimeAsync(_chat.Now.AddDays(1)));
            Assert.False((await _chat.ScheduleAsync()).Enabled);
        }

        Assert.Equal(["Opener"], await _chat.SayAsync("/checkin"));
    }

    [Fact]
    public async Task PausesAndSnoozes_EveryChangeIsWhatHappens()
    {
        await _chat.AgreeAsync("Europe/Berlin", "19:00");

        // Day 1: "later, please" while the check-in is open; it comes back after the snooze.
        Assert.Contains("Opener", await NextCheckInAsync());
        Assert.Equal(["settings:snoozeSet"], await _chat.SayAsync("/snooze 1h"));
        Assert.Contains("Opener", await NextCheckInAsync());
        await AnswerBrieflyAsync();

        // Nothing to snooze now; a pause that cannot be says why; a real one moves the next check-in.
        Assert.Equal(["settings:snoozeNothing", "settings:next"], await _chat.SayAsync("/snooze 1h"));
        Assert.Equal(["settings:pauseNegative"], await _chat.SayAsync("/pause -3d"));
        Assert.Equal(["settings:pauseTooLong"], await _chat.SayAsync("/pause 999d"));
        Assert.Equal(["settings:pausePast"], await _chat.SayAsync("/pause until 2020-01-01"));
        Assert.Equal(["settings:pauseSet", "settings:next"], await _chat.SayAsync("/pause 2d"));
        var afterPause = await _chat.SettingsAgreeAsync();
        Assert.True(afterPause >= _chat.Now.AddDays(2).AddMinutes(-5));
        Assert.Contains("Opener", await NextCheckInAsync());
        await AnswerBrieflyAsync();

        // Skip one, then stop and resume: back to the usual rhythm.
        Assert.Equal(["settings:skipSet", "settings:next"], await _chat.SayAsync("/skip"));
        Assert.Contains("Opener", await NextCheckInAsync());
        Assert.Equal(["PausedConfirmed"], await _chat.SayAsync("/stop"));
        Assert.Null(await _chat.SettingsAgreeAsync());
        Assert.Empty(await _chat.PassTimeAsync(_chat.Now.AddDays(1)));
        Assert.Equal(["Resumed", "settings:next"], await _chat.SayAsync("/resume"));
        Assert.Contains("Opener", await NextCheckInAsync());
    }

    [Fact]
    public async Task Travelling_ChangesTimeZone_AndTheCheckInFollowsTheLocalClock()
    {
        await _chat.AgreeAsync("Berlin", "19:00");
        Assert.Equal(19, LocalHour(await NextCheckInTimeAsync(), 1));

        Assert.Equal(["settings:timezoneSet", "settings:next"], await _chat.SayAsync("/timezone Tokyo"));
        Assert.Equal(19, LocalHour(await NextCheckInTimeAsync(), 9));

        Assert.Equal(["settings:timezoneSet", "settings:next"], await _chat.SayAsync("/timezone New York"));
        Assert.Equal(19, LocalHour(await NextCheckInTimeAsync(), -5));
        Assert.Equal(19, LocalHour(await NextCheckInTimeAsync(), -5));
    }

    [Fact]
    public async Task RestartsBetweenAnswers_NothingIsForgotten()
    {
        Assert.Equal(["Welcome", "AskConsent"], await _chat.SayAsync("hello"));
        await _chat.RestartAsync();
        Assert.Equal(["AskTimeZone"], await _chat.PressAsync("yes"));
        await _chat.RestartAsync();
        Assert.Equal(["TimeZoneSaved", "AskTime"], await _chat.SayAsync("Vienna"));
        await _chat.RestartAsync();
        Assert.Equal(["TimeSaved", "AskCountry"], await _chat.SayAsync("08:00"));
        await _chat.RestartAsync();
        Assert.Equal(["AllSet"], await _chat.PressAsync("skip"));

        for (var day = 1; day <= 7; day++)
        {
            await _chat.RestartAsync();
            Assert.Contains("Opener", await NextCheckInAsync());
            await _chat.RestartAsync();
            Assert.Equal(["AckOkay", "OfferGrounding"], await _chat.PressAsync("mood:okay"));
            await _chat.RestartAsync();
            Assert.Equal(["NoGroundingToday", "AskForSmallStep"], await _chat.PressAsync("skip"));
            await _chat.RestartAsync();
            Assert.Equal(["AffirmRest", "CloseHonouringEffort"], await _chat.PressAsync(SmallSteps.Rest));
        }
    }

    [Fact]
    public async Task InCrisisOnDayThree_IsNeverLeftAlone_AndCheckInsComeBackGently()
    {
        await _chat.AgreeAsync("Berlin", "19:00");
        for (var day = 1; day <= 2; day++)
        {
            Assert.Contains("Opener", await NextCheckInAsync());
            await AnswerBrieflyAsync();
        }

        Assert.Contains("Opener", await NextCheckInAsync());
        Assert.Equal(["CrisisCare", "CrisisLines", "AskSafe"], await _chat.SayAsync("I want to end my life"));
        Assert.Equal(["NotSafeNow", "CrisisLines", "StayWithYou"], await _chat.SayAsync("I'm not safe"));
        Assert.Equal(["BreathNoHoldIntro"], await _chat.PressAsync("yes"));
        Assert.Equal(["AfterSafetyGrounding"], await _chat.SayAsync("done"));
        Assert.Equal(["SafeForNow"], await _chat.PressAsync("safe"));
        Assert.Equal(["SafetyLeaveOpen", "plan:followUpAsk"], await _chat.PressAsync("no"));
        await _chat.PressAsync("followup:no");

        // A day's rest: /settings names the first check-in after it, and that one opens gently.
        var keys = await NextCheckInAsync();
        Assert.Contains("OpenerAfterHardDay", keys);
        await AnswerBrieflyAsync();
        Assert.Contains("Opener", await NextCheckInAsync());
    }

    [Fact]
    public async Task ForgetsOnDaySeven_EverythingStops_AndNothingIsPlanned()
    {
        await _chat.AgreeAsync("Berlin", "19:00");
        for (var day = 1; day <= 6; day++)
        {
            Assert.Contains("Opener", await NextCheckInAsync());
            await AnswerBrieflyAsync();
        }

        await _chat.SayAsync("/forget");
        await _chat.PressAsync("forget:yes");

        Assert.False((await _chat.ScheduleAsync()).Enabled);
        Assert.Null(await _chat.NextDueAtAsync());
        Assert.Empty(await _chat.PassTimeAsync(_chat.Now.AddDays(3)));
        Assert.Null(await _chat.SettingsAgreeAsync());
    }

    /// <summary>/settings names the next check-in; time passes; it comes exactly then. Returns what it said.</summary>
    private async Task<IReadOnlyList<string>> NextCheckInAsync()
    {
        var planned = await _chat.SettingsAgreeAsync();
        Assert.True(planned is not null, _chat.Describe("no check-in planned"));
        return await _chat.UntilCheckInAsync(planned.Value);
    }

    private async Task<DateTimeOffset> NextCheckInTimeAsync()
    {
        var planned = await _chat.SettingsAgreeAsync();
        Assert.True(planned is not null, _chat.Describe("no check-in planned"));
        await _chat.UntilCheckInAsync(planned.Value);
        await AnswerBrieflyAsync();
        return planned.Value;
    }

    private async Task AnswerBrieflyAsync()
    {
        Assert.Equal(["AckOkay", "OfferGrounding"], await _chat.PressAsync("mood:okay"));
        Assert.Equal(["NoGroundingToday", "AskForSmallStep"], await _chat.PressAsync("skip"));
        Assert.Equal(["AffirmRest", "CloseHonouringEffort"], await _chat.PressAsync(SmallSteps.Rest));
    }

    private static int LocalHour(DateTimeOffset instant, int offsetHours) => instant.ToOffset(TimeSpan.FromHours(offsetHours)).Hour;
}
