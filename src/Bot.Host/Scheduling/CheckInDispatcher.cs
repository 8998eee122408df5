using Bot.Core.Observability;
using Bot.Core.Scheduling;
using Bot.Host.Delivery;
using Microsoft.Extensions.Options;

namespace Bot.Host.Scheduling;

/// <summary>Use case: claim due schedules batch by batch, decide each one, and wake the outbox delivery.</summary>
public sealed partial class CheckInDispatcher(
    ICheckInDispatchStore store,
    CheckInDispatchPlanner planner,
    ScheduledLaneSignal outboxSignal,
    BotMetrics metrics,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<CheckInDispatcher> logger)
{
    /// <returns>How many schedules were claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var total = 0;
        for (var batch = 0; batch < settings.MaxBatchesPerRun; batch++)
        {
            var now = clock.GetUtcNow();
            var claimed = await store.DispatchDueAsync(now, settings.BatchSize, due => planner.Decide(due, now), cancellationToken);
            total += claimed;
            if (claimed > 0)
            {
                metrics.CheckInsDue(claimed);
                outboxSignal.Notify();
            }

            if (claimed < settings.BatchSize)
            {
                break;
            }
        }

        if (total > 0)
        {
            LogDispatched(logger, total);
        }

        return total;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Dispatcher handled {Count} due schedules")]
    private static partial void LogDispatched(ILogger logger, int count);
}
