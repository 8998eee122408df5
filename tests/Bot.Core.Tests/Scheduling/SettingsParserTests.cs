using Bot.Core.Commands;
using Bot.Core.Scheduling;

namespace Bot.Core.Tests.Scheduling;

public sealed class SettingsParserTests
{
    private static SettingsChange? Parse(string text) => SettingsParser.Parse(CommandInput.From(text, null));

    private static SettingsChange? Press(string choice) => SettingsParser.Parse(CommandInput.From(null, choice));

    [Theory]
    [InlineData("/settings")]
    [InlineData("/timezone Europe/Berlin")]
    [InlineData("/days weekdays")]
    [InlineData("/window 09:00-10:00")]
    [InlineData("/quiet off")]
    [InlineData("/pause 3d")]
    [InlineData("/skip")]
    [InlineData("/snooze 1h")]
    [InlineData("/stop")]
    [InlineData("/resume")]
    [InlineData("/settings@CompassionBot")]
    public void Routes_ScheduleCommands(string text) => Assert.Equal(typeof(SettingsFeature), CommandRoutes.Commands.Find(CommandInput.From(text, null))?.Feature);

    [Theory]
    [InlineData("/checkin")]
    [InlineData("/help")]
    [InlineData("I want to pause")]
    public void Routes_NotOtherInput(string text) => Assert.NotEqual(typeof(SettingsFeature), CommandRoutes.Commands.Find(CommandInput.From(text, null))?.Feature);

    [Fact]
    public void Routes_ScheduleButtons_ButNotFlowButtons()
    {
        Assert.Equal(typeof(SettingsFeature), CommandRoutes.Commands.Find(CommandInput.From(null, "sched:snooze:1h"))?.Feature);
        Assert.Null(CommandRoutes.Commands.Find(CommandInput.From(null, "mood:okay")));
    }

    [Theory]
    [InlineData("daily", CheckInDays.Daily)]
    [InlineData("weekdays", CheckInDays.Weekdays)]
    [InlineData("weekends", CheckInDays.Weekend)]
    [InlineData("mon,wed,fri", CheckInDays.Monday | CheckInDays.Wednesday | CheckInDays.Friday)]
    [InlineData("Tuesday Thursday", CheckInDays.Tuesday | CheckInDays.Thursday)]
    public void Days_AreRead(string text, CheckInDays expected) =>
        Assert.Equal(new SettingsChange.SetDays(expected), Parse("/days " + text));

    [Theory]
    [InlineData("/days someday")]
    [InlineData("/days")]
    public void Days_Unreadable_ExplainTheFormat(string text) => Assert.Equal(new SettingsChange.Invalid("daysHelp"), Parse(text));

    [Fact]
    public void Window_IsRead()
    {
        var change = Assert.IsType<SettingsChange.SetWindow>(Parse("/window 9-10:30"));

        Assert.Equal(new LocalSpan(new TimeOnly(9, 0), new TimeOnly(10, 30)), change.Window);
    }

    [Theory]
    [InlineData("/window 10:00-09:00")]
    [InlineData("/window 25:00-26:00")]
    [InlineData("/window soon")]
    [InlineData("/window 09:00-09:00")]
    public void Window_Invalid_ExplainsTheFormat(string text) => Assert.Equal(new SettingsChange.Invalid("windowHelp"), Parse(text));

    [Fact]
    public void Quiet_MayWrapPastMidnight_OrBeTurnedOff()
    {
        var quiet = Assert.IsType<SettingsChange.SetQuiet>(Parse("/quiet 22:00-07:00"));

        Assert.True(quiet.Quiet!.WrapsMidnight);
        Assert.True(quiet.Quiet.Contains(new TimeOnly(23, 30)));
        Assert.True(quiet.Quiet.Contains(new TimeOnly(6, 59)));
        Assert.False(quiet.Quiet.Contains(new TimeOnly(7, 0)));
        Assert.Equal(new SettingsChange.SetQuiet(null), Parse("/quiet off"));
    }

    [Fact]
    public void Pause_ForADuration_OrUntilADate()
    {
        Assert.Equal(new SettingsChange.PauseFor(TimeSpan.FromDays(3)), Parse("/pause 3d"));
        Assert.Equal(new SettingsChange.PauseFor(TimeSpan.FromDays(14)), Parse("/pause 2 weeks"));
        Assert.Equal(new SettingsChange.PauseUntil(new DateOnly(2026, 12, 24)), Parse("/pause until 2026-12-24"));
        Assert.Equal(new SettingsChange.PauseFor(TimeSpan.FromDays(7)), Press("sched:pause:7d"));
        Assert.Equal(new SettingsChange.Invalid("pauseHelp"), Parse("/pause forever"));
        Assert.Equal(new SettingsChange.Invalid("pauseNegative"), Parse("/pause -3d"));
        Assert.Equal(new SettingsChange.Invalid("pauseTooLong"), Parse("/pause 999d"));
        Assert.Equal(new SettingsChange.Invalid("pauseTooLong"), Parse("/pause 60 weeks"));
    }

    [Fact]
    public void Snooze_DefaultsToAnHour_AndStaysWithinADay()
    {
        Assert.Equal(new SettingsChange.Snooze(TimeSpan.FromHours(1)), Parse("/snooze"));
        Assert.Equal(new SettingsChange.Snooze(TimeSpan.FromHours(3)), Press("sched:snooze:3h"));
        Assert.Equal(new SettingsChange.Invalid("snoozeHelp"), Parse("/snooze 3d"));
    }

    [Fact]
    public void Buttons_MapToTheirChanges()
    {
        Assert.IsType<SettingsChange.Skip>(Press("sched:skip"));
        Assert.IsType<SettingsChange.KeepGoing>(Press("sched:keep"));
        Assert.IsType<SettingsChange.Resume>(Press("sched:resume"));
        Assert.IsType<SettingsChange.Consent>(Press("sched:yes"));
        Assert.IsType<SettingsChange.Stop>(Press("sched:stop"));
    }
}
