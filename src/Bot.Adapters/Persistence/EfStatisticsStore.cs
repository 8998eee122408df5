using Bot.Adapters.Persistence.Entities;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfStatisticsStore(BotDbContext db) : IStatisticsStore
{
    public async Task<StoreStatistics> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var weekAgo = now.AddDays(-7);
        var identities = await db.Identities.AsNoTracking()
            .GroupBy(i => i.Platform)
            .Select(g => new { Platform = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return new StoreStatistics(
            await db.People.CountAsync(cancellationToken),
            identities.ToDictionary(i => i.Platform.ToString(), i => i.Count),
            await db.History.CountAsync(h => h.At >= weekAgo, cancellationToken),
            await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending, cancellationToken),
            await db.Outbox.CountAsync(o => o.Status == OutboxStatus.Failed, cancellationToken),
            await db.Identities.CountAsync(i => !i.Reachable, cancellationToken));
    }
}
