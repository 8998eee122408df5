using Bot.Adapters.Charts;
using Bot.Adapters.Persistence;
using Bot.Core.Commands;
using Bot.Core.History;
using Quartz;

namespace Bot.Host.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>The history commands (/history, /win, /recap, /export, /forget, /link, /words) and their stores.</summary>
    public static IServiceCollection AddBotHistory(this IServiceCollection services)
    {
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(HistoryCopy.English);
        services.AddSingleton<IMoodChartRenderer, ScottPlotMoodChartRenderer>();
        services.AddScoped<IHistoryStore, EfHistoryStore>();
        services.AddScoped<IRecapStore, EfRecapStore>();
        services.AddScoped<IOwnWordsStore, EfOwnWordsStore>();
        services.AddScoped<ILinkStore, EfLinkStore>();
        services.AddScoped<IPersonDataStore, EfPersonDataStore>();
        services.AddScoped<WeeklyRecapDispatcher>();
        services.AddScoped<ICommandFeature, MoodChartFeature>();
        services.AddScoped<ICommandFeature, WinFeature>();
        services.AddScoped<ICommandFeature, WeeklyRecapFeature>();
        services.AddScoped<ICommandFeature, ExportFeature>();
        services.AddScoped<ICommandFeature, ForgetFeature>();
        services.AddScoped<ICommandFeature, LinkFeature>();
        services.AddScoped<ICommandFeature, OwnWordsFeature>();
        return services;
    }

    /// <summary>Quartz jobs: weekly look backs every quarter hour, retention once a night.</summary>
    public static IServiceCollection AddBotHistoryJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<WeeklyRecapJob>(j => j.WithIdentity(WeeklyRecapJob.Key));
            q.AddTrigger(t => t.ForJob(WeeklyRecapJob.Key)
                .WithIdentity("weekly-recap-quarter-hourly", "history")
                .WithCronSchedule("0 3/15 * * * ?"));
            q.AddJob<HistoryRetentionJob>(j => j.WithIdentity(HistoryRetentionJob.Key));
            q.AddTrigger(t => t.ForJob(HistoryRetentionJob.Key)
                .WithIdentity("history-retention-nightly", "history")
                .WithCronSchedule("0 41 3 * * ?"));
        });
        return services;
    }
}
