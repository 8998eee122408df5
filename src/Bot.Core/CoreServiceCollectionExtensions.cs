using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Replies;
using Bot.Core.Safety;
using Bot.Core.SafetyPlan;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bot.Core;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddBotCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(ReplyCatalog.English);
        services.AddSingleton<TurnPlanner>();
        services.AddSingleton<IOutboxSignal, OutboxSignal>();
        services.AddSingleton<LiveTurns>();
        services.AddSingleton<ChatPlatformRouter>();
        services.AddSingleton<BotMetrics>();
        services.TryAddSingleton(CrisisScreen.LexiconOnly);
        services.AddSingleton(sp => new FloodGuard(sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<Persistence.TurnLoop>();
        services.AddScoped<IInboundMessageHandler, ConversationHandler>();
        services.AddSingleton<Commands.ICommandFeature, SessionOpenFeature>();
        services.AddSafetyPlan();
        return services;
    }
}
