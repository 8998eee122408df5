using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Own words as rows: shared by the turn store (context and decision) and EfOwnWordsStore.</summary>
internal static class OwnWordsRows
{
    public const int MaxLength = 500;

    public static async Task<IReadOnlyList<string>> ReadConsentedAsync(BotDbContext db, FreeTextProtector protector, Guid personId, CancellationToken ct) =>
        (await ReadConsentedAsync(db, protector, [personId], ct)).GetValueOrDefault(personId, []);

    /// <summary>The kept phrases of each person who consented to keeping them, oldest first, in one query.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<string>>> ReadConsentedAsync(
        BotDbContext db, FreeTextProtector protector, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var rows = await db.Set<OwnWordsRow>().AsNoTracking()
            .Where(w => personIds.Contains(w.PersonId)
                && db.Set<HistorySettingsRow>().Any(s => s.PersonId == w.PersonId && s.KeepOwnWords))
            .OrderBy(w => w.Id)
            .Select(w => new { w.PersonId, w.Phrase })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.PersonId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(r => protector.Unprotect(r.Phrase)!).ToArray());
    }

    /// <summary>Adds the phrase (tracked; the caller saves) and records the consent that came with it.</summary>
    public static async Task<OwnWordsRow> KeepAsync(BotDbContext db, FreeTextProtector protector, Guid personId, string phrase, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await HistorySettings.GetOrAddAsync(db, personId, now, ct);
        settings.KeepOwnWords = true;
        settings.UpdatedAt = now;
        var trimmed = phrase.Trim();
        var row = new OwnWordsRow
        {
            PersonId = personId,
            Phrase = protector.Protect(trimmed.Length > MaxLength ? trimmed[..MaxLength] : trimmed)!,
            CreatedAt = now,
        };
        db.Add(row);
        return row;
    }
}
