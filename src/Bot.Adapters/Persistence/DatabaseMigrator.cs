using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Applies the committed migrations of the configured provider (EF takes a migration lock, so replicas serialise).</summary>
public sealed class DatabaseMigrator(BotDbContext db)
{
    public async Task MigrateAsync(CancellationToken cancellationToken) =>
        await db.Database.MigrateAsync(cancellationToken);
}
