using System.Collections.Concurrent;
using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Scheduling;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Check-in times through Quartz's own cron and time-zone arithmetic: in a spring-forward gap the time shifts forward,
/// in a repeated fall-back hour it fires once (reference §2.4, and the DST tests).
/// </summary>
public sealed class QuartzCheckInCalendar : ICheckInCalendar
{
    private static readonly (CheckInDays Day, string Name)[] CronDays =
    [
        (CheckInDays.Monday, "MON"), (CheckInDays.Tuesday, "TUE"), (CheckInDays.Wednesday, "WED"), (CheckInDays.Thursday, "THU"),
        (CheckInDays.Friday, "FRI"), (CheckInDays.Saturday, "SAT"), (CheckInDays.Sunday, "SUN"),
    ];

    // Bounded by the number of zones on the machine; cron expressions are not cached (one per person's slot would grow with people).
    private readonly ConcurrentDictionary<string, TimeZoneInfo?> _zones = new(StringComparer.Ordinal);

    public DateTimeOffset? NextAt(TimeOnly localTime, CheckInDays days, string timeZone, DateTimeOffset after)
    {
        if (days == CheckInDays.None)
        {
            return null;
        }

        var dayList = days == CheckInDays.Daily ? "*" : string.Join(',', CronDays.Where(d => days.HasFlag(d.Day)).Select(d => d.Name));
        var expression = string.Create(CultureInfo.InvariantCulture, $"{localTime.Second} {localTime.Minute} {localTime.Hour} ? * {dayList}");
        var cron = new CronExpression(expression, Zone(timeZone));
        return cron.GetNextValidTimeAfter(after)?.ToUniversalTime();
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant, string timeZone) => TimeZoneInfo.ConvertTime(instant, Zone(timeZone));

    /// <summary>The same reading of a typed zone as first contact's (ids in any casing, or a city such as "New York").</summary>
    public bool TryNormalize(string timeZone, out string normalized) =>
        TimeZoneResolver.TryResolve(timeZone, out normalized) && Find(normalized) is not null;

    private TimeZoneInfo Zone(string timeZone) => Find(timeZone) ?? TimeZoneInfo.Utc;

    private TimeZoneInfo? Find(string id) => _zones.GetOrAdd(id, static key =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(key);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });
}
