using Bot.Core.Persistence;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>Dedupe markers only need to outlive the platforms' redelivery windows; delivered outbox rows are history we don't need.</summary>
[DisallowConcurrentExecution]
public sealed partial class PurgeBookkeepingJob(IMaintenanceStore store, TimeProvider clock, ILogger<PurgeBookkeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("purge-bookkeeping", "maintenance");
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(14);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var removed = await store.PurgeBookkeepingAsync(clock.GetUtcNow() - KeepFor, cancellationToken);
        LogPurged(logger, removed);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Purged {Count} bookkeeping rows")]
    private static partial void LogPurged(ILogger logger, int count);
}
