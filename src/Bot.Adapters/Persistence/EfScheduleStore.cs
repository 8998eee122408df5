using Bot.Adapters.Persistence.Entities;
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

    private Task<ScheduleRow?> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Schedules.SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
}
