using Bot.Adapters.Persistence;
using Bot.Core;
using Bot.Host.Database;
using Bot.Host.Delivery;
using Bot.Host.History;
using Bot.Host.Safety;
using Bot.Host.Scheduling;

namespace Bot.Host;

/// <summary>What every verb needs: the engine, the store and the outbox delivery.</summary>
public static class BotServices
{
    public static IServiceCollection AddBotEssentials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrisisScreenModel(configuration);
        services.AddBotCore();
        services.AddBotPersistence(configuration);
        services.AddSingleton<StoreReadiness>();
        services.AddHostedService<DatabaseMigrationService>();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryLimitsOptions>().BindConfiguration(DeliveryLimitsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<DeliveryRateLimiter>();
        services.AddSingleton<ScheduledLaneSignal>();
        services.AddSingleton<SentMarks>();
        services.AddSingleton<OutboxDelivery>();
        services.AddBotHistory();
        services.AddCheckInPreferences();
        return services;
    }
}
