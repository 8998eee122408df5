using Bot.Core.Community;
using Quartz;

namespace Bot.Host.Community;

/// <summary>Every minute: post each community channel's daily message once its local time has come (claims make it exactly once).</summary>
[DisallowConcurrentExecution]
public sealed partial class CommunityPostJob(CommunityPostDispatcher dispatcher, ILogger<CommunityPostJob> logger) : IJob
{
    public static readonly JobKey Key = new("community-posts", "community");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var posted = await dispatcher.PostDueAsync(cancellationToken);
        if (posted > 0)
        {
            LogPosted(logger, posted);
        }
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Queued {Count} daily community posts in the outbox")]
    private static partial void LogPosted(ILogger logger, int count);
}
