using Bot.Adapters.Persistence.Entities;
using Bot.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Joins one person into another inside the caller's transaction: accounts, history, own words and queued messages
/// move; choices are combined (either one on stays on); the absorbed person row goes.
/// </summary>
internal static class PersonMerger
{
    public static async Task<PersonProfile> MergeAsync(BotDbContext db, Guid absorbedId, Guid keptId, DateTimeOffset now, CancellationToken ct)
    {
        var absorbed = await db.People.AsNoTracking().SingleAsync(p => p.Id == absorbedId, ct);

        await db.Identities.Where(i => i.PersonId == absorbedId).ExecuteUpdateAsync(u => u.SetProperty(i => i.PersonId, keptId), ct);
        await db.History.Where(h => h.PersonId == absorbedId).ExecuteUpdateAsync(u => u.SetProperty(h => h.PersonId, keptId), ct);
        await db.Set<OwnWordsRow>().Where(w => w.PersonId == absorbedId).ExecuteUpdateAsync(u => u.SetProperty(w => w.PersonId, keptId), ct);
        await db.Outbox.Where(o => o.PersonId == absorbedId).ExecuteUpdateAsync(u => u.SetProperty(o => o.PersonId, keptId), ct);
        await MergeSettingsAsync(db, absorbedId, keptId, now, ct);
        await MergeScheduleAsync(db, absorbedId, keptId, now, ct);

        // Everything else keyed by the absorbed person (its conversation, codes, ...) cascades away with it.
        await db.People.Where(p => p.Id == absorbedId).ExecuteDeleteAsync(ct);

        return new PersonProfile
        {
            Id = absorbed.Id,
            CreatedAt = absorbed.CreatedAt,
            Locale = absorbed.Locale,
            TimeZone = absorbed.TimeZone,
            Country = absorbed.Country,
        };
    }

    private static async Task MergeSettingsAsync(BotDbContext db, Guid absorbedId, Guid keptId, DateTimeOffset now, CancellationToken ct)
    {
        var theirs = await db.Set<HistorySettingsRow>().AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == absorbedId, ct);
        if (theirs is null)
        {
            return;
        }

        var kept = await HistorySettings.GetOrAddAsync(db, keptId, now, ct);
        kept.WeeklyRecap |= theirs.WeeklyRecap;
        kept.NextRecapAt ??= theirs.NextRecapAt;
        kept.KeepOwnWords |= theirs.KeepOwnWords;
        kept.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The schedule someone set up wins over a fresh, never-enabled one.</summary>
    private static async Task MergeScheduleAsync(BotDbContext db, Guid absorbedId, Guid keptId, DateTimeOffset now, CancellationToken ct)
    {
        var theirs = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == absorbedId, ct);
        var kept = await db.Schedules.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == keptId, ct);
        if (theirs is null || !theirs.Enabled || kept is { Enabled: true })
        {
            return;
        }

        if (kept is null)
        {
            db.Schedules.Add(new ScheduleRow { PersonId = keptId });
            await db.SaveChangesAsync(ct);
        }

        await db.Schedules.Where(s => s.PersonId == keptId).ExecuteUpdateAsync(
            u => u.SetProperty(s => s.Enabled, theirs.Enabled)
                .SetProperty(s => s.Paused, theirs.Paused)
                .SetProperty(s => s.NextDueAt, theirs.NextDueAt)
                .SetProperty(s => s.PreferencesJson, theirs.PreferencesJson)
                .SetProperty(s => s.UpdatedAt, now),
            ct);
    }
}
