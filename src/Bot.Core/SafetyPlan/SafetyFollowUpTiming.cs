using System.Globalization;
using Bot.Core.Conversations;

namespace Bot.Core.SafetyPlan;

/// <summary>When the one follow-up after a crisis response is due: the next day, at the person's usual check-in time.</summary>
public static class SafetyFollowUpTiming
{
    public static DateTimeOffset DueAt(DateTimeOffset now, string? timeZone, string? checkInTime)
    {
        var zone = Zone(timeZone);
        var time = TimeOnly.TryParseExact(checkInTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : TimeOnly.ParseExact(CheckInEngine.DefaultCheckInTime, "HH:mm", CultureInfo.InvariantCulture);
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var tomorrow = DateOnly.FromDateTime(localNow.DateTime).AddDays(1).ToDateTime(time);
        if (zone.IsInvalidTime(tomorrow))
        {
            // The usual time falls in a spring-forward gap: an hour later is the same moment on the wall clock.
            tomorrow = tomorrow.AddHours(1);
        }

        return new DateTimeOffset(tomorrow, zone.GetUtcOffset(tomorrow)).ToUniversalTime();
    }

    private static TimeZoneInfo Zone(string? id)
    {
        if (id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}
