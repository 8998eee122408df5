using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bot.Host.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Preferences by command and button (every verb, `chat` included) and the dispatcher's use case.</summary>
    public static IServiceCollection AddCheckInPreferences(this IServiceCollection services)
    {
        services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ICheckInCalendar, QuartzCheckInCalendar>();
        services.TryAddSingleton(SchedulingCopy.English);
        services.TryAddSingleton(sp => new CheckInDispatchPlanner(
            sp.GetRequiredService<TurnPlanner>(),
            sp.GetRequiredService<ICheckInCalendar>(),
            sp.GetRequiredService<SchedulingCopy>(),
            sp.GetRequiredService<IOptions<SchedulingOptions>>().Value.ToPolicy()));
        services.TryAddScoped<CheckInDispatcher>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICommandFeature, SettingsFeature>());
        return services;
    }

    /// <summary>With default settings (the dispatch interval is read at registration; options still bind later).</summary>
    public static IServiceCollection AddBotScheduling(this IServiceCollection services) =>
        services.AddBotScheduling(new ConfigurationBuilder().Build());

    /// <summary>Quartz with an in-memory store: the schedule of record lives in our own tables, so Quartz only runs jobs.</summary>
    public static IServiceCollection AddBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetSection(SchedulingOptions.SectionName).GetValue<TimeSpan?>(nameof(SchedulingOptions.DispatchInterval))
            ?? new SchedulingOptions().DispatchInterval;
        services.AddCheckInPreferences();
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<PurgeBookkeepingJob>(j => j.WithIdentity(PurgeBookkeepingJob.Key));
            q.AddTrigger(t => t.ForJob(PurgeBookkeepingJob.Key)
                .WithIdentity("purge-bookkeeping-hourly", "maintenance")
                .WithCronSchedule("0 17 * * * ?"));

            q.AddJob<DispatchDueCheckInsJob>(j => j.WithIdentity(DispatchDueCheckInsJob.Key));
            q.AddTrigger(t => t.ForJob(DispatchDueCheckInsJob.Key)
                .WithIdentity("dispatch-due-check-ins", "scheduling")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));

            q.AddJob<SafetyFollowUpJob>(j => j.WithIdentity(SafetyFollowUpJob.Key));
            q.AddTrigger(t => t.ForJob(SafetyFollowUpJob.Key)
                .WithIdentity("safety-follow-up-every-minute", "safety")
                .WithCronSchedule("0 * * * * ?"));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
