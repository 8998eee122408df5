using Bot.Core.Community;
using Quartz;

namespace Bot.Host.Community;

public static class CommunityServiceCollectionExtensions
{
    /// <summary>
    /// Community check-ins: the group feature (Discord /community, Telegram /dailypost) and the Quartz job that queues
    /// every minute what is due in the outbox.
    /// </summary>
    public static IServiceCollection AddCommunityCheckIns(this IServiceCollection services)
    {
        services.AddCommunityCore();
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
