using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.SafetyPlan;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfSafetyFollowUpStore(BotDbContext db) : ISafetyFollowUpStore
{
    public async Task<IReadOnlyList<DueSafetyFollowUp>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = await db.Set<SafetyCareRow>().AsNoTracking()
            .Where(c => c.FollowUpDueAt != null && c.FollowUpDueAt <= now)
            .OrderBy(c => c.FollowUpDueAt)
            .Take(max)
            .Join(db.Identities.AsNoTracking().Where(i => i.Reachable), c => c.PersonId, i => i.PersonId, (c, i) => new { c.PersonId, c.FollowUpDueAt, i.Platform, i.ChatId, i.ExternalUserId, i.Id })
            .ToListAsync(cancellationToken);

        // One follow-up per person, on the account they used most recently.
        return due.GroupBy(d => d.PersonId)
            .Select(g => g.OrderByDescending(d => d.Id).First())
            .Select(d => new DueSafetyFollowUp(d.PersonId, new ChatAddress(d.Platform, d.ChatId), d.ExternalUserId, d.FollowUpDueAt!.Value))
            .ToArray();
    }

    public async Task<DateTimeOffset?> CheckInsRestUntilAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var until = await db.Set<SafetyCareRow>().AsNoTracking()
            .Where(c => c.PersonId == personId)
            .Select(c => c.PauseUntil)
            .SingleOrDefaultAsync(cancellationToken);
        return until > now ? until : null;
    }
}
