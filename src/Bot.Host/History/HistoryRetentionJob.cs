using Bot.Core.History;
using Microsoft.Extensions.Options;
using Quartz;

namespace Bot.Host.History;

/// <summary>Keeps history only as long as configured (History:Retention, a year by default).</summary>
[DisallowConcurrentExecution]
public sealed partial class HistoryRetentionJob(IHistoryStore history, IOptions<HistoryOptions> options, TimeProvider clock, ILogger<HistoryRetentionJob> logger) : IJob
{
    public static readonly JobKey Key = new("history-retention", "history");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await history.PurgeOlderThanAsync(clock.GetUtcNow() - options.Value.Retention, cancellationToken);
        LogPurged(logger, removed);
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Retention removed {Count} history entries")]
    private static partial void LogPurged(ILogger logger, int count);
}
