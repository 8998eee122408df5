using Bot.Adapters.Persistence;
using Microsoft.Extensions.Options;

namespace Bot.Host.Database;

/// <summary>
/// Opens the store before anything else starts (registered first, so it runs first): waits for an unreachable database
/// when configured to (one log line per attempt, naming the key), applies migrations and checks the key ring.
/// </summary>
public sealed partial class DatabaseMigrationService(
    IServiceScopeFactory scopes,
    StoreSettings settings,
    IOptions<StorageOptions> options,
    IOptions<DatabaseStartupOptions> startup,
    StoreReadiness readiness,
    ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (startup.Value.WaitWhileUnreachable)
        {
            await WaitUntilReachableAsync(migrator, cancellationToken);
        }

        if (!options.Value.MigrateOnStartup && settings.Provider == StoreProvider.Postgres)
        {
            await migrator.EnsureReachableAsync(cancellationToken);
            await migrator.VerifyEncryptionKeysAsync(cancellationToken);
        }
        else
        {
            await migrator.MigrateAsync(cancellationToken);
        }

        readiness.MarkOpen();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WaitUntilReachableAsync(DatabaseMigrator migrator, CancellationToken cancellationToken)
    {
        var delay = startup.Value.FirstRetryDelay;
        while (true)
        {
            try
            {
                await migrator.EnsureReachableAsync(cancellationToken);
                return;
            }
            catch (ConfigurationException unreachable)
            {
                LogWaiting(logger, unreachable.Message, delay.TotalSeconds);
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, startup.Value.MaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "{Problem} Waiting for it; next try in {DelaySeconds} s.")]
    private static partial void LogWaiting(ILogger logger, string problem, double delaySeconds);
}
