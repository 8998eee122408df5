using Bot.Adapters.Persistence.Entities;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfMaintenanceStore(BotDbContext db) : IMaintenanceStore
{
    public async Task<int> PurgeBookkeepingAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var markers = await db.ProcessedInbound.Where(p => p.ProcessedAt < olderThan).ExecuteDeleteAsync(cancellationToken);
        var delivered = await db.Outbox
            .Where(o => o.Status != OutboxStatus.Pending && o.CreatedAt < olderThan)
            .ExecuteDeleteAsync(cancellationToken);
        return markers + delivered;
    }
}
