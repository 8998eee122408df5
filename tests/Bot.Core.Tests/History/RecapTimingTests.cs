using Bot.Core.History;

namespace Bot.Core.Tests.History;

public sealed class RecapTimingTests
{
    [Theory]
    [InlineData("2026-11-24T09:00:00Z", "America/New_York", "2026-11-29T23:00:00Z")]
    [InlineData("2026-11-29T22:59:00Z", "America/New_York", "2026-11-29T23:00:00Z")]
    [InlineData("2026-11-29T23:00:00Z", "America/New_York", "2026-12-06T23:00:00Z")]
    [InlineData("2026-11-24T09:00:00Z", "Asia/Tokyo", "2026-11-29T09:00:00Z")]
    [InlineData("2026-03-25T12:00:00Z", "Europe/Berlin", "2026-03-29T16:00:00Z")]
    [InlineData("2026-11-24T09:00:00Z", null, "2026-11-29T18:00:00Z")]
    [InlineData("2026-11-24T09:00:00Z", "Not/AZone", "2026-11-29T18:00:00Z")]
    public void NextAfter_IsSundayEvening_OnTheirOwnClock(string now, string? zone, string expected)
    {
        var next = RecapTiming.NextAfter(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), RecapTiming.ZoneOf(zone));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }
}
