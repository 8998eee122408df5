using Bot.Adapters.Telegram;
using Bot.Core.Community;
using Quartz;

namespace Bot.Host.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>
    /// Community check-ins: the group feature, the store-backed Telegram /dailypost subscriptions, and the Quartz job that
    /// posts every minute what is due. Call after AddBotEssentials and the platform adapters (posters come from them).
    /// </summary>
    public static IServiceCollection AddCommunityCheckIns(this IServiceCollection services)
    {
        services.AddCommunityCore();
        services.AddScoped<ICommunityPostSubscriptions, StoreCommunityPostSubscriptions>();
        services.AddQuartz(q =>
        {
            q.AddJob<CommunityPostJob>(j => j.WithIdentity(CommunityPostJob.Key));
            q.AddTrigger(t => t.ForJob(CommunityPostJob.Key)
                .WithIdentity("community-posts-every-minute", "community")
                .WithCronSchedule("5 * * * * ?"));
        });
        return services;
    }
}
