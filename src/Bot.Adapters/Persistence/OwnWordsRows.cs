using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Own words as rows: shared by the turn store (context and decision) and EfOwnWordsStore.</summary>
internal static class OwnWordsRows
{
    public const int MaxLength = 500;

    public static async Task<IReadOnlyList<string>> ReadConsentedAsync(BotDbContext db, FreeTextProtector protector, Guid personId, CancellationToken ct)
    {
        if (!await db.Set<HistorySettingsRow>().AnyAsync(s => s.PersonId == personId && s.KeepOwnWords, ct))
        {
            return [];
        }

        var rows = await db.Set<OwnWordsRow>().AsNoTracking()
            .Where(w => w.PersonId == personId)
            .OrderBy(w => w.Id)
            .Select(w => w.Phrase)
            .ToListAsync(ct);
        return rows.Select(r => protector.Unprotect(r)!).ToArray();
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
