namespace Bot.Core.Community;

/// <summary>Pure calendar rules for the daily post: the channel's local day, and whether today's post is due.</summary>
public static class CommunitySchedule
{
    public static DateTime LocalNow(DateTimeOffset now, string timeZone) =>
        TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime;

    public static DateOnly LocalDay(DateTimeOffset now, string timeZone) => DateOnly.FromDateTime(LocalNow(now, timeZone));

    /// <summary>
    /// Due once the local clock has reached the post time on a day not yet served. On a spring-forward day a time that
    /// does not exist posts right after the jump; on a fall-back day the repeated hour cannot post twice (the day is served).
    /// </summary>
    public static bool IsDue(CommunitySubscription subscription, DateTimeOffset now, out DateOnly day)
    {
        var local = LocalNow(now, subscription.Channel.TimeZone);
        day = DateOnly.FromDateTime(local);
        return (subscription.LastPostedOn is null || subscription.LastPostedOn < day)
            && TimeOnly.FromDateTime(local) >= subscription.Channel.LocalTime;
    }

    /// <summary>At setup: when today's time has already passed, today counts as served and the first post is tomorrow.</summary>
    public static DateOnly? ServedAtSetup(CommunityChannel channel, DateTimeOffset now)
    {
        var local = LocalNow(now, channel.TimeZone);
        return TimeOnly.FromDateTime(local) >= channel.LocalTime ? DateOnly.FromDateTime(local) : null;
    }
}
