using System.Text.RegularExpressions;
using Bot.Core.Scheduling;

namespace Bot.Core.Tests.Scheduling;

public sealed partial class SchedulingCopyTests
{
    private static readonly string[] KeysTheCodeUses =
    [
        "summary", "quietNone", "next", "nextNone", "nextStopped", "timezoneSet", "timezoneUnknown", "daysSet", "daysHelp",
        "windowSet", "windowHelp", "quietSet", "quietOff", "quietHelp", "pauseSet", "pauseHelp", "skipSet", "snoozeSet",
        "snoozeHelp", "snoozeNothing", "pauseNegative", "pauseTooLong", "pausePast", "windowInQuiet", "quietCoversWindow",
        "consentNeeded", "notOnYet", "consentGiven", "keepGoing", "followUp", "pauseOffer", "dayNames", "daily", "weekdays", "weekends",
    ];

    [Fact]
    public void EveryKeyTheCodeUses_HasCopy() =>
        Assert.All(KeysTheCodeUses, key => Assert.False(string.IsNullOrWhiteSpace(SchedulingCopy.English.Text(key))));

    [Fact]
    public void Copy_NeverCountsStreaksOrMissedDays()
    {
        var all = string.Join("\n", SchedulingCopy.English.Keys.Select(k => SchedulingCopy.English.Text(k)));

        Assert.DoesNotMatch(Guilt(), all);
    }

    [Fact]
    public void UnknownTimeZone_ReplyGivesExamples() =>
        Assert.Contains("Europe/Berlin", SchedulingCopy.English.Text("timezoneUnknown"));

    [Fact]
    public void ConsentOffer_IsOneYesButton() =>
        Assert.Equal(["sched:yes"], SchedulingCopy.English.Choices("consent").Select(c => c.Id));

    [Fact]
    public void PauseOffer_HasAPauseAndAKeepGoingButton() =>
        Assert.Equal(["sched:pause:7d", "sched:keep"], SchedulingCopy.English.Choices("pauseOffer").Select(c => c.Id));

    [Fact]
    public void Days_ReadNaturally()
    {
        Assert.Equal("weekdays", SchedulingCopy.English.Days(CheckInDays.Weekdays));
        Assert.Equal("Mon, Wed, Fri", SchedulingCopy.English.Days(CheckInDays.Monday | CheckInDays.Wednesday | CheckInDays.Friday));
    }

    [GeneratedRegex(@"\bstreak|\bmissed\b|\bfailed\b|\bshould have\b|\bagain\?", RegexOptions.IgnoreCase)]
    private static partial Regex Guilt();
}
