using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class SafetyFollowUpTimingTests
{
    [Theory]
    // Late evening in New York is already the next UTC day; "tomorrow" is the person's tomorrow.
    [InlineData("2026-11-24T03:30:00Z", "America/New_York", "19:00", "2026-11-25T00:00:00Z")]
    [InlineData("2026-11-23T21:00:00Z", "Europe/Berlin", "08:30", "2026-11-24T07:30:00Z")]
    // Berlin springs forward on 29 March 2026: 02:30 does not exist that night, so it comes at 03:30 local.
    [InlineData("2026-03-28T12:00:00Z", "Europe/Berlin", "02:30", "2026-03-29T01:30:00Z")]
    [InlineData("2026-11-23T21:00:00Z", null, null, "2026-11-24T19:00:00Z")]
    [InlineData("2026-11-23T21:00:00Z", "Not/AZone", "07:00", "2026-11-24T07:00:00Z")]
    public void DueTheNextLocalDay_AtTheUsualTime(string now, string? zone, string? time, string expected)
    {
        var due = SafetyFollowUpTiming.DueAt(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), zone, time);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }
}
