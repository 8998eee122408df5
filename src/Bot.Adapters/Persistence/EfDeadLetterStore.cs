using Bot.Adapters.Persistence.Entities;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfDeadLetterStore(BotDbContext db, FreeTextProtector protector) : IDeadLetterStore
{
    public async Task<bool> ParkAsync(DeadLetter letter, string? rawPayload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (await AddAsync(letter, rawPayload, cancellationToken))
        {
            return true;
        }

        await db.Set<DeadLetterRow>()
            .Where(d => d.Platform == letter.Platform && d.UpdateId == letter.UpdateId)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(d => d.Attempts, d => d.Attempts + letter.Attempts)
                    .SetProperty(d => d.LastSeen, letter.LastSeen)
                    .SetProperty(d => d.ErrorType, letter.ErrorType)
                    .SetProperty(d => d.ErrorMessage, letter.ErrorMessage),
                cancellationToken);
        return false;
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        return await db.Set<DeadLetterRow>().AsNoTracking()
            .OrderBy(d => d.FirstSeen).ThenBy(d => d.UpdateId)
            .Select(d => new DeadLetter(d.Platform, d.UpdateId, d.ErrorType, d.ErrorMessage, d.Attempts, d.FirstSeen, d.LastSeen))
            .ToListAsync(cancellationToken);
    }

    public async Task<string?> ReadPayloadAsync(Platform platform, string updateId, CancellationToken cancellationToken)
    {
        var found = await db.Set<DeadLetterRow>().AsNoTracking()
            .Where(d => d.Platform == platform && d.UpdateId == updateId)
            .Select(d => new { d.Payload })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : protector.Unprotect(found.Payload) ?? "";
    }

    public async Task<bool> DropAsync(Platform platform, string updateId, CancellationToken cancellationToken) =>
        await db.Set<DeadLetterRow>().Where(d => d.Platform == platform && d.UpdateId == updateId).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<bool> AddAsync(DeadLetter letter, string? rawPayload, CancellationToken cancellationToken)
    {
        if (await db.Set<DeadLetterRow>().AnyAsync(d => d.Platform == letter.Platform && d.UpdateId == letter.UpdateId, cancellationToken))
        {
            return false;
        }

        var row = new DeadLetterRow
        {
            Platform = letter.Platform,
            UpdateId = letter.UpdateId,
            ErrorType = letter.ErrorType,
            ErrorMessage = letter.ErrorMessage,
            Attempts = letter.Attempts,
            FirstSeen = letter.FirstSeen,
            LastSeen = letter.LastSeen,
            Payload = protector.Protect(rawPayload),
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another replica parked the same update a moment ago.
            db.Entry(row).State = EntityState.Detached;
            return false;
        }
    }
}
