using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

public sealed class EfLinkStore(BotDbContext db) : ILinkStore
{
    public async Task IssueAsync(Guid personId, string codeHash, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        // Expired codes are useless to everyone: tidy them whenever a new one is made.
        await db.Set<LinkCodeRow>().Where(c => c.ExpiresAt <= now || c.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        db.Add(new LinkCodeRow { CodeHash = codeHash, PersonId = personId, CreatedAt = now, ExpiresAt = expiresAt });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<LinkResult> RedeemAsync(string codeHash, Guid redeemerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var codes = db.Set<LinkCodeRow>();
        var owner = await codes.AsNoTracking()
            .Where(c => c.CodeHash == codeHash && c.ExpiresAt > now)
            .Select(c => (Guid?)c.PersonId)
            .SingleOrDefaultAsync(cancellationToken);

        // Deleting is the claim: of two people racing for one code, only one deletes the row.
        var claimed = await codes.Where(c => c.CodeHash == codeHash).ExecuteDeleteAsync(cancellationToken) == 1;
        if (owner is null || !claimed)
        {
            return new LinkResult(LinkOutcome.NotValid);
        }

        if (owner == redeemerId)
        {
            return new LinkResult(LinkOutcome.SamePerson);
        }

        var absorbed = await PersonMerger.MergeAsync(db, owner.Value, redeemerId, now, cancellationToken);
        return new LinkResult(LinkOutcome.Linked, absorbed);
    }
}
