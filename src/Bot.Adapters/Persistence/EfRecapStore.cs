using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfRecapStore(BotDbContext db) : IRecapStore
{
    public Task<bool> IsWeeklyRecapOnAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Set<HistorySettingsRow>().AnyAsync(s => s.PersonId == personId && s.WeeklyRecap, cancellationToken);

    public async Task SetWeeklyRecapAsync(Guid personId, bool on, DateTimeOffset nextAt, CancellationToken cancellationToken)
    {
        var settings = await HistorySettings.GetOrAddAsync(db, personId, nextAt, cancellationToken);
        settings.WeeklyRecap = on;
        settings.NextRecapAt = on ? nextAt : null;
        settings.UpdatedAt = nextAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueRecap>> FindDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = await Due(now).AsNoTracking()
            .OrderBy(s => s.NextRecapAt)
            .Take(max)
            .Select(s => new { s.PersonId, s.NextRecapAt })
            .ToListAsync(cancellationToken);
        var ids = due.Select(d => d.PersonId).ToArray();
        var identities = await db.Identities.AsNoTracking()
            .Where(i => ids.Contains(i.PersonId) && i.Reachable)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var zones = await db.People.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.TimeZone, cancellationToken);

        var result = new List<DueRecap>();
        foreach (var person in due)
        {
            // Linked people have several accounts: the look back goes to one of them, the one they had first.
            var identity = identities.FirstOrDefault(i => i.PersonId == person.PersonId);
            if (identity is not null)
            {
                result.Add(new DueRecap(
                    person.PersonId,
                    new ChatAddress(identity.Platform, identity.ChatId),
                    identity.ExternalUserId,
                    zones.GetValueOrDefault(person.PersonId),
                    person.NextRecapAt!.Value));
            }
        }

        return result;
    }

    public Task<bool> IsDueAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Due(now).AnyAsync(s => s.PersonId == personId, cancellationToken);

    /// <summary>Moves a due recap to <paramref name="next"/>; false when another worker already did (so only one sends it).</summary>
    public async Task<bool> TryAdvanceAsync(Guid personId, DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken) =>
        await Due(now).Where(s => s.PersonId == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRecapAt, next).SetProperty(s => s.UpdatedAt, now), cancellationToken) == 1;

    private IQueryable<HistorySettingsRow> Due(DateTimeOffset now) =>
        db.Set<HistorySettingsRow>().Where(s => s.WeeklyRecap && s.NextRecapAt != null && s.NextRecapAt <= now);
}
