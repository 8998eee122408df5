using Bot.Adapters.Persistence;

namespace Bot.Host.Database;

/// <summary>Applies migrations before anything else starts (registered first, so it runs first).</summary>
public sealed class DatabaseMigrationService(IServiceScopeFactory scopes, StoreSettings settings, Microsoft.Extensions.Options.IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup && settings.Provider == StoreProvider.Postgres)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
