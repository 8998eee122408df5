using Bot.Adapters.Persistence.Turns;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Bot.Adapters.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string PostgresConnectionStringName = "Postgres";

    public static IServiceCollection AddBotPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        var settings = StoreSettings.From(configuration);
        if (settings.Provider == StoreProvider.Postgres)
        {
            services.AddDbContextPool<PostgresBotDbContext>(o => o
                .UseNpgsql(settings.ConnectionString, npgsql => npgsql
                    .MigrationsHistoryTable("__ef_migrations_history")
                    .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null))
                .UseSnakeCaseNamingConvention());
            services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<PostgresBotDbContext>());
            services.AddSingleton<TurnBatcher>();
            services.AddSingleton<TurnLoadBatcher>();
            services.AddSingleton<RecentTurnRows>();

            // Telegram's poller election: one replica holds an advisory lock on this database. Added, not tried, so it
            // wins over the adapter's single-process lease whichever is registered first.
            services.AddSingleton<Telegram.IPollerLease>(_ => new Telegram.PostgresAdvisoryPollerLease(
                NpgsqlDataSource.Create(settings.ConnectionString), Telegram.PostgresAdvisoryPollerLease.DefaultLockKey, ownsDataSource: true));
        }
        else
        {
            services.AddDbContext<SqliteBotDbContext>(o => o
                .UseSqlite(settings.ConnectionString, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"))
                .UseSnakeCaseNamingConvention());
            services.AddScoped<BotDbContext>(sp => sp.GetRequiredService<SqliteBotDbContext>());

            // The embedded store is the terminal's: /forget and delete-user also remove the files it wrote.
            services.AddTerminalFiles();
        }

        services.AddSingleton(settings);
        services.AddSingleton(_ => settings.CreateProtector());
        services.AddScoped<IConversationStore, EfConversationStore>();
        services.AddScoped<IOutboxStore, EfOutboxStore>();
        services.AddScoped<IScheduleStore, EfScheduleStore>();
        services.AddScoped<ICheckInDispatchStore, EfCheckInDispatchStore>();
        services.AddScoped<IMaintenanceStore, EfMaintenanceStore>();
        services.AddScoped<IStatisticsStore, EfStatisticsStore>();
        services.AddScoped<IReachabilityHandler, EfReachabilityHandler>();
        services.AddScoped<ICommunityStore, EfCommunityStore>();
        services.AddScoped<Bot.Core.SafetyPlan.ISafetyPlanStore, EfSafetyPlanStore>();
        services.AddScoped<Bot.Core.SafetyPlan.ISafetyFollowUpStore, EfSafetyFollowUpStore>();
        services.AddScoped<Bot.Core.Inbound.IDeadLetterStore, EfDeadLetterStore>();
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static IServiceCollection AddTerminalFiles(this IServiceCollection services)
    {
        services.TryAddSingleton<Terminal.TerminalFiles>();
        services.TryAddSingleton<IChatFiles>(sp => sp.GetRequiredService<Terminal.TerminalFiles>());
        return services;
    }
}
