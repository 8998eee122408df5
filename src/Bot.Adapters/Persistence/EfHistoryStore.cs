using Bot.Core.History;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfHistoryStore(BotDbContext db, FreeTextProtector protector) : IHistoryStore
{
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync(Guid personId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var rows = await db.History.AsNoTracking()
            .Where(h => h.PersonId == personId && h.At >= from && h.At <= to)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HistoryEntry(r.Kind, r.Value, protector.Unprotect(r.FreeText), r.At)).ToArray();
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset olderThan, CancellationToken cancellationToken) =>
        db.History.Where(h => h.At < olderThan).ExecuteDeleteAsync(cancellationToken);
}
