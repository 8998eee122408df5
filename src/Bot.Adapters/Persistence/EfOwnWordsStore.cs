using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfOwnWordsStore(BotDbContext db, FreeTextProtector protector) : IOwnWordsStore
{
    public Task<bool> HasConsentAsync(Guid personId, CancellationToken cancellationToken) =>
        db.Set<HistorySettingsRow>().AnyAsync(s => s.PersonId == personId && s.KeepOwnWords, cancellationToken);

    /// <summary>Withdrawing consent also lets go of every phrase kept so far.</summary>
    internal static async Task SetConsentAsync(BotDbContext db, Guid personId, bool consent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = await HistorySettings.GetOrAddAsync(db, personId, now, cancellationToken);
        settings.KeepOwnWords = consent;
        settings.UpdatedAt = now;
        if (!consent)
        {
            await db.Set<OwnWordsRow>().Where(w => w.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<OwnWords> KeepAsync(Guid personId, string phrase, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await OwnWordsRows.KeepAsync(db, protector, personId, phrase, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OwnWords(row.Id, protector.Unprotect(row.Phrase)!, now);
    }

    public async Task<IReadOnlyList<OwnWords>> ListAsync(Guid personId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<OwnWordsRow>().AsNoTracking()
            .Where(w => w.PersonId == personId)
            .OrderBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(r => new OwnWords(r.Id, protector.Unprotect(r.Phrase)!, r.CreatedAt)).ToArray();
    }

    public async Task<OwnWords?> PickAsync(Guid personId, int seed, CancellationToken cancellationToken)
    {
        if (!await HasConsentAsync(personId, cancellationToken))
        {
            return null;
        }

        var kept = await ListAsync(personId, cancellationToken);
        return kept.Count == 0 ? null : kept[(int)((uint)seed % (uint)kept.Count)];
    }
}
