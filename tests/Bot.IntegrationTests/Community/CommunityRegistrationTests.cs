using Bot.Host.Community;
using Bot.Host.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.IntegrationTests.Community;

public sealed class CommunityRegistrationTests
{
    [Fact]
    public async Task AddCommunityCheckIns_NextToTheSchedulingJobs_KeepsBothAndFiresEveryMinute()
    {
        await using var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddBotScheduling()
            .AddCommunityCheckIns()
            .BuildServiceProvider();

        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        Assert.True(await scheduler.Exists(PurgeBookkeepingJob.Key));
        Assert.True(await scheduler.Exists(CommunityPostJob.Key));
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("community-posts-every-minute", "community")));
        Assert.Equal(CommunityPostJob.Key, trigger.JobKey);
        Assert.Equal("5 * * * * ?", trigger.CronExpressionString);
    }
}
