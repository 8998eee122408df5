using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Bot.Core.People;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfLinkStore(BotDbContext db) : ILinkStore
{
    public async Task<PersonProfile?> FindOwnerAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = await db.Set<LinkCodeRow>().AsNoTracking()
            .Where(c => c.CodeHash == codeHash && c.ExpiresAt > now)
            .Join(db.People, c => c.PersonId, p => p.Id, (_, p) => p)
            .SingleOrDefaultAsync(cancellationToken);
        return owner is null ? null : new PersonProfile
        {
            Id = owner.Id,
            CreatedAt = owner.CreatedAt,
            Locale = owner.Locale,
            TimeZone = owner.TimeZone,
            Country = owner.Country,
        };
    }

    /// <summary>Saved with the turn that made the code (<see cref="Bot.Core.Persistence.IssueLinkCode"/>).</summary>
    internal static async Task IssueAsync(BotDbContext db, Guid personId, string codeHash, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken ct)
    {
        // Expired codes are useless to everyone: tidy them whenever a new one is made.
        await db.Set<LinkCodeRow>().Where(c => c.ExpiresAt <= now || c.PersonId == personId).ExecuteDeleteAsync(ct);
        db.Add(new LinkCodeRow { CodeHash = codeHash, PersonId = personId, CreatedAt = now, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Uses the code up and merges its owner into <paramref name="redeemerId"/> (saved with the turn that typed it); false
    /// when the code is no longer the one the turn saw: expired, used by someone else first, or reissued.
    /// </summary>
    internal static async Task<bool> RedeemAsync(BotDbContext db, string codeHash, Guid ownerId, Guid redeemerId, DateTimeOffset now, CancellationToken ct)
    {
        // Deleting is the claim: of two people racing for one code, only one deletes the row.
        var claimed = await db.Set<LinkCodeRow>()
            .Where(c => c.CodeHash == codeHash && c.PersonId == ownerId && c.ExpiresAt > now)
            .ExecuteDeleteAsync(ct) == 1;
        if (claimed && ownerId != redeemerId)
        {
            await PersonMerger.MergeAsync(db, ownerId, redeemerId, now, ct);
        }

        return claimed;
    }
}
