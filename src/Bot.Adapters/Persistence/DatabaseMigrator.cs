using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Opens the configured store for use: the database answers, the committed migrations of its provider are applied (EF
/// takes a migration lock, so replicas serialise) and the key ring reads what is stored. Each failure is a
/// ConfigurationException naming the key to fix.
/// </summary>
public sealed class DatabaseMigrator(BotDbContext db, StoreSettings settings, FreeTextProtector protector)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await VerifyEncryptionKeysAsync(cancellationToken);
    }

    /// <summary>Fails at once, naming ConnectionStrings:Postgres (host and port only), when the database cannot be reached.</summary>
    public Task EnsureReachableAsync(CancellationToken cancellationToken) => DatabaseReachability.EnsureAsync(settings, cancellationToken);

    /// <summary>Fails, naming Storage:EncryptionKeys, when a stored encrypted value cannot be decrypted.</summary>
    public Task VerifyEncryptionKeysAsync(CancellationToken cancellationToken) => EncryptionKeyCheck.VerifyAsync(db, protector, cancellationToken);
}
