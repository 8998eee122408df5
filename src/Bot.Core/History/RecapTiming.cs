namespace Bot.Core.History;

/// <summary>Pure: when the next weekly look back is due: Sunday 18:00 on the person's own clock.</summary>
public static class RecapTiming
{
    public static readonly TimeOnly LocalTime = new(18, 0);

    public static TimeZoneInfo ZoneOf(string? timeZoneId)
    {
        if (!string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }

    public static DateTimeOffset NextAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(localNow.DateTime);
        for (var i = 0; i < 8; i++)
        {
            var candidateDay = day.AddDays(i);
            if (candidateDay.DayOfWeek != DayOfWeek.Sunday)
            {
                continue;
            }

            var candidate = ToInstant(candidateDay.ToDateTime(LocalTime), zone);
            if (candidate > now)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("A Sunday always comes within eight days.");
    }

    /// <summary>A local time skipped by a clock change moves forward by the gap, so the recap still comes that evening.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
