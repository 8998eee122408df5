using Bot.Adapters.Persistence.Entities;
using Bot.Core.Persistence;
using Bot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Schedules read and written inside the current turn (same scoped DbContext, same transaction).</summary>
public sealed class EfScheduleStore(BotDbContext db) : IScheduleStore
{
    public async Task<CheckInSchedule> GetAsync(Guid personId, CancellationToken cancellationToken) =>
        await FindAsync(personId, cancellationToken) is { } row ? ScheduleMapping.ToSchedule(row) : CheckInSchedule.Off;

    public async Task SaveAsync(Guid personId, CheckInSchedule schedule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await FindAsync(personId, cancellationToken);
        if (row is null)
        {
            row = new ScheduleRow { PersonId = personId };
            db.Schedules.Add(row);
        }

        ScheduleMapping.Apply(row, schedule, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The person just chose a small step: note it and wake the dispatcher, which decides (time zone, quiet hours,
    /// same day) whether a gentle follow-up fits. Called by the turn store inside the turn's transaction.
    /// </summary>
    internal static async Task RequestFollowUpAsync(BotDbContext db, Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Schedules.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
        if (row is null || !row.Enabled || row.Paused)
        {
            return;
        }

        var schedule = ScheduleMapping.ToSchedule(row);
        ScheduleMapping.Apply(row, schedule with { State = schedule.State with { FollowUpRequestedAt = now } }, now);
    }

    /// <summary>
    /// The person said yes (at a local time) or no to check-ins inside the conversation (first contact, /start).
    /// Yes: check-ins on, a half-hour window from that time; the dispatcher plans the first one at once. No: off.
    /// </summary>
    internal static async Task ApplyCheckInPreferenceAsync(BotDbContext db, Guid personId, CheckInPreference preference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Schedules.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
        if (row is null)
        {
            row = new ScheduleRow { PersonId = personId };
            db.Schedules.Add(row);
        }

        var schedule = ScheduleMapping.ToSchedule(row);
        var preferences = preference.LocalTime is { } start
            ? schedule.Preferences with { Window = new LocalSpan(start, start.AddMinutes(30)) }
            : schedule.Preferences;
        schedule = schedule with
        {
            Enabled = preference.Wanted,
            Stopped = preference.Wanted ? false : schedule.Stopped,
            Preferences = preferences,
            State = schedule.State with { CheckInAt = null },
        };
        ScheduleMapping.Apply(row, schedule, now);
        if (schedule.IsActive)
        {
            row.NextDueAt = now; // the dispatcher plans the first check-in with the calendar
        }
    }

    private Task<ScheduleRow?> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Schedules.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
}
