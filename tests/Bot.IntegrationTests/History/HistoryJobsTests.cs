using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Host.History;
using Bot.Host.Scheduling;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Bot.IntegrationTests.History;

public sealed class HistoryJobsTests
{
    [Fact]
    public async Task AddBotHistoryJobs_RegistersTheRecapAndRetentionJobs_AlongsideTheOthers()
    {
        var services = new ServiceCollection().AddLogging().AddBotScheduling().AddBotHistoryJobs();
        await using var provider = services.BuildServiceProvider();

        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup());

        Assert.Contains(WeeklyRecapJob.Key, jobs);
        Assert.Contains(HistoryRetentionJob.Key, jobs);
        Assert.Contains(PurgeBookkeepingJob.Key, jobs);
        Assert.Single(await scheduler.GetTriggersOfJob(WeeklyRecapJob.Key));
        Assert.Single(await scheduler.GetTriggersOfJob(HistoryRetentionJob.Key));
    }

    [Fact]
    public async Task WeeklyRecapJob_ResolvedFromAScope_QueuesDueRecaps()
    {
        await using var store = await StoreUnderTest.CreateAsync(StoreProvider.Sqlite);
        var user = "4242";
        var message = new InboundMessage(new ChatAddress(Platform.Telegram, user), user, "1", store.Clock.GetUtcNow(), "/recap on", null);
        await store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));
        store.Clock.Advance(TimeSpan.FromDays(7));

        await store.InScopeAsync(async sp =>
        {
            var job = ActivatorUtilities.CreateInstance<WeeklyRecapJob>(sp);
            await job.Execute(null!, CancellationToken.None);
            return 0;
        });

        var scheduled = await store.InScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Outbox.CountAsync(o => o.Lane == DeliveryLane.Scheduled));
        Assert.Equal(1, scheduled);
    }
}
