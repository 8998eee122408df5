using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Opens the configured store for use: the database answers, the committed migrations of its provider are applied (EF
/// takes a migration lock, so replicas serialise) and the key ring reads what is stored. Each failure is a
/// ConfigurationException naming the key to fix.
/// </summary>
public sealed class DatabaseMigrator(BotDbContext db, StoreSettings settings, FreeTextProtector protector)
{
    private const int LegacyBatch = 500;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await VerifyEncryptionKeysAsync(cancellationToken);
        await EncryptLegacyOutboxAsync(cancellationToken);
    }

    /// <summary>Fails at once, naming ConnectionStrings:Postgres (host and port only), when the database cannot be reached.</summary>
    public Task EnsureReachableAsync(CancellationToken cancellationToken) => DatabaseReachability.EnsureAsync(settings, cancellationToken);

    /// <summary>Fails, naming Storage:EncryptionKeys, when a stored encrypted value cannot be decrypted.</summary>
    public Task VerifyEncryptionKeysAsync(CancellationToken cancellationToken) => EncryptionKeyCheck.VerifyAsync(db, protector, cancellationToken);

    /// <summary>
    /// Outbox rows written before payloads were encrypted are encrypted in place (SQL alone cannot, it has no key), after the
    /// key ring has been checked. Until then they are still delivered as they are; replicas doing this at once only encrypt
    /// the same text twice.
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
