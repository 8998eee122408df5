using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Applies the committed migrations of the configured provider (EF takes a migration lock, so replicas serialise).</summary>
public sealed class DatabaseMigrator(BotDbContext db, FreeTextProtector protector)
{
    private const int LegacyBatch = 500;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        await EncryptLegacyOutboxAsync(cancellationToken);
    }

    /// <summary>
    /// Outbox rows written before payloads were encrypted are encrypted in place (SQL alone cannot, it has no key). Until
    /// then they are still delivered as they are; replicas doing this at once only encrypt the same text twice.
    /// </summary>
    private async Task EncryptLegacyOutboxAsync(CancellationToken ct)
    {
        while (true)
        {
            db.ChangeTracker.Clear();
            var rows = await db.Outbox.Where(o => o.PayloadJson != null).OrderBy(o => o.Id).Take(LegacyBatch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return;
            }

            foreach (var row in rows)
            {
                row.Payload = protector.Protect(row.PayloadJson);
                row.PayloadJson = null;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A row was delivered and deleted meanwhile; the rest are read again.
            }
        }
    }
}
