namespace Bot.Core.Scheduling;

/// <summary>Pure rules for when the next check-in comes. Calendar arithmetic is delegated to <see cref="ICheckInCalendar"/>.</summary>
public static class CheckInRules
{
    public const string DefaultTimeZone = "Etc/UTC";

    /// <summary>
    /// A stable moment inside the window for this person: every replica and every restart agree, and a crowd that
    /// chose the same window is spread across it instead of arriving in the same second.
    /// </summary>
    /// <remarks>With quiet hours over part of the window, the moment is chosen in the part that is left, so it stays in the window.</remarks>
    public static TimeOnly SlotFor(Guid personId, LocalSpan window, LocalSpan? quiet = null)
    {
        var free = quiet is null ? [(window.Start, window.Length)] : FreeParts(window, quiet);
        var seconds = (long)free.Sum(p => p.Length.TotalSeconds);
        if (seconds <= 1)
        {
            return seconds == 1 ? free[0].Start : quiet is null ? window.Start : SlotFor(personId, window);
        }

        var offset = (long)(StableHash(personId) % (ulong)seconds);
        foreach (var (start, length) in free)
        {
            if (offset < (long)length.TotalSeconds)
            {
                return start.Add(TimeSpan.FromSeconds(offset));
            }

            offset -= (long)length.TotalSeconds;
        }

        return window.Start;
    }

    /// <summary>Quiet hours cover the whole window: no check-in could ever come in it.</summary>
    public static bool QuietCovers(LocalSpan window, LocalSpan? quiet) => quiet is not null && FreeParts(window, quiet).Count == 0;

    /// <summary>The parts of a window (which never wraps midnight) outside quiet hours (which may).</summary>
    private static List<(TimeOnly Start, TimeSpan Length)> FreeParts(LocalSpan window, LocalSpan quiet)
    {
        var day = TimeSpan.FromDays(1);
        var (ws, we) = (window.Start.ToTimeSpan(), window.Start.ToTimeSpan() + window.Length);
        (TimeSpan From, TimeSpan To)[] blocked = quiet.WrapsMidnight
            ? [(quiet.Start.ToTimeSpan(), day), (TimeSpan.Zero, quiet.End.ToTimeSpan())]
            : [(quiet.Start.ToTimeSpan(), quiet.End.ToTimeSpan())];
        var parts = new List<(TimeOnly, TimeSpan)>();
        var at = ws;
        foreach (var (from, to) in blocked.OrderBy(b => b.From))
        {
            if (to <= at || from >= we)
            {
                continue;
            }

            if (from > at)
            {
                parts.Add((TimeOnly.FromTimeSpan(at), from - at));
            }

            at = to > at ? to : at;
        }

        if (at < we)
        {
            parts.Add((TimeOnly.FromTimeSpan(at), we - at));
        }

        return parts;
    }

    /// <summary>The next check-in strictly after <paramref name="after"/>, or null when none is wanted.</summary>
    /// <param name="every">1 = each chosen day; 2 = every other one (fewer check-ins after several went unanswered).</param>
    public static DateTimeOffset? NextCheckIn(
        Guid personId, CheckInSchedule schedule, string timeZone, DateTimeOffset after, ICheckInCalendar calendar, int every = 1)
    {
        var preferences = schedule.Preferences;
        if (!schedule.IsActive || preferences.Days == CheckInDays.None)
        {
            return null;
        }

        var from = after;
        if (preferences.PausedUntil is { } pausedUntil && pausedUntil.AddSeconds(-1) > from)
        {
            from = pausedUntil.AddSeconds(-1);
        }

        if (preferences.SnoozedUntil is { } snoozedUntil && snoozedUntil > after && snoozedUntil > from)
        {
            return OutOfQuiet(snoozedUntil, preferences, timeZone, calendar);
        }

        if (preferences.SkipThrough is { } skipThrough && skipThrough > from)
        {
            from = skipThrough;
        }

        var slot = SlotFor(personId, preferences.Window, preferences.Quiet);
        DateTimeOffset? next = from;
        for (var i = 0; i < Math.Max(1, every) && next is not null; i++)
        {
            next = calendar.NextAt(slot, preferences.Days, timeZone, next.Value);
        }

        return next is null ? null : OutOfQuiet(next.Value, preferences, timeZone, calendar);
    }

    public static bool IsQuiet(DateTimeOffset instant, CheckInPreferences preferences, string timeZone, ICheckInCalendar calendar) =>
        preferences.Quiet is { } quiet && quiet.Contains(TimeOnly.FromDateTime(calendar.ToLocal(instant, timeZone).DateTime));

    /// <summary>An instant inside quiet hours moves to the moment they end.</summary>
    public static DateTimeOffset OutOfQuiet(DateTimeOffset instant, CheckInPreferences preferences, string timeZone, ICheckInCalendar calendar) =>
        IsQuiet(instant, preferences, timeZone, calendar)
            ? calendar.NextAt(preferences.Quiet!.End, CheckInDays.Daily, timeZone, instant) ?? instant
            : instant;

    /// <summary>A gentle follow-up later the same local day, outside quiet hours; null when the day has no room left.</summary>
    public static DateTimeOffset? FollowUpTime(
        DateTimeOffset chosenAt, TimeSpan delay, CheckInPreferences preferences, string timeZone, ICheckInCalendar calendar)
    {
        var candidate = OutOfQuiet(chosenAt + delay, preferences, timeZone, calendar);
        var sameDay = calendar.ToLocal(candidate, timeZone).Date == calendar.ToLocal(chosenAt, timeZone).Date;
        return sameDay ? candidate : null;
    }

    /// <summary>Fewer check-ins for someone who has not answered several in a row: every other day, then every fourth.</summary>
    public static int BackOffFactor(int unanswered, int backOffAfter) =>
        backOffAfter <= 0 || unanswered < backOffAfter ? 1
        : unanswered < backOffAfter * 2 ? 2
        : 4;

    /// <summary>FNV-1a over the id's bytes: stable across processes and versions, unlike string.GetHashCode.</summary>
    private static ulong StableHash(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
