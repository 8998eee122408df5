using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Reads everything about one person, free text decrypted, for them to take away.</summary>
public sealed class EfPersonDataStore(BotDbContext db, FreeTextProtector protector) : IPersonDataStore
{
    public async Task<PersonExport> ExportAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        var accounts = await db.Identities.AsNoTracking()
            .Where(i => i.PersonId == personId)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var step = await db.Conversations.AsNoTracking()
            .Where(c => c.PersonId == personId)
            .Select(c => c.Step)
            .SingleOrDefaultAsync(cancellationToken);
        var schedule = await db.Schedules.AsNoTracking()
            .Where(s => s.PersonId == personId)
            .Select(s => s.PreferencesJson)
            .SingleOrDefaultAsync(cancellationToken);
        var settings = await db.Set<HistorySettingsRow>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.PersonId == personId, cancellationToken);
        var history = await db.History.AsNoTracking()
            .Where(h => h.PersonId == personId)
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .ToListAsync(cancellationToken);
        var words = await db.Set<OwnWordsRow>().AsNoTracking()
            .Where(w => w.PersonId == personId)
            .OrderBy(w => w.Id)
            .ToListAsync(cancellationToken);

        return new PersonExport(
            now,
            new ExportedProfile(person.Id, person.CreatedAt, person.Locale, person.TimeZone, person.Country),
            accounts.Select(a => new ExportedAccount(a.Platform.ToString(), a.ExternalUserId, a.ChatId, a.CreatedAt)).ToArray(),
            step,
            schedule,
            new ExportedSettings(settings?.WeeklyRecap ?? false, settings?.KeepOwnWords ?? false),
            history.Select(h => new ExportedEntry(h.At, h.Kind, h.Value, protector.Unprotect(h.FreeText))).ToArray(),
            words.Select(w => new OwnWords(w.Id, protector.Unprotect(w.Phrase)!, w.CreatedAt)).ToArray())
        {
            SafetyPlan = await SafetyPlanExport.ReadAsync(db, protector, personId, cancellationToken),
        };
    }
}
