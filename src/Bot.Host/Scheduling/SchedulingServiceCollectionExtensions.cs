using Quartz;

namespace Bot.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz with an in-memory store: the schedule of record lives in our own tables, so Quartz only runs jobs.</summary>
    public static IServiceCollection AddBotScheduling(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<PurgeBookkeepingJob>(j => j.WithIdentity(PurgeBookkeepingJob.Key));
            q.AddTrigger(t => t.ForJob(PurgeBookkeepingJob.Key)
                .WithIdentity("purge-bookkeeping-hourly", "maintenance")
                .WithCronSchedule("0 17 * * * ?"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
