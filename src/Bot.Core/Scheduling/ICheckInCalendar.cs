namespace Bot.Core.Scheduling;

/// <summary>
/// Calendar arithmetic in a person's IANA time zone. Implemented with Quartz's cron and time-zone code (a design
/// decision: no home-made calendar), so DST follows Quartz: a local time that does not exist shifts forward, and a
/// repeated hour fires once.
/// </summary>
public interface ICheckInCalendar
{
    /// <summary>The first instant strictly after <paramref name="after"/> when the local clock reads <paramref name="localTime"/> on one of <paramref name="days"/>.</summary>
    DateTimeOffset? NextAt(TimeOnly localTime, CheckInDays days, string timeZone, DateTimeOffset after);

    /// <summary>The instant as the person's clock shows it.</summary>
    DateTimeOffset ToLocal(DateTimeOffset instant, string timeZone);

    /// <summary>Whether <paramref name="timeZone"/> names a zone this machine knows (IANA ids such as Europe/Berlin).</summary>
    bool TryNormalize(string timeZone, out string normalized);
}
