using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Scheduling;
using Bot.Host.Delivery;
using Microsoft.Extensions.Options;

namespace Bot.Host.Scheduling;

/// <summary>
/// Use case: claim due schedules batch by batch, decide each one, and wake the scheduled-lane delivery. Several
/// claimers run side by side (each with its own connection); SKIP LOCKED keeps their batches apart, as across replicas.
/// </summary>
public sealed partial class CheckInDispatcher(
    IServiceScopeFactory scopes,
    StoreSettings store,
    CheckInDispatchPlanner planner,
    ScheduledLaneSignal outboxSignal,
    LiveTurns liveTurns,
    BotMetrics metrics,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<CheckInDispatcher> logger)
{
    /// <returns>How many schedules were claimed.</returns>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // SQLite has one writer at a time: a second claimer would only wait.
        var concurrency = store.Provider == StoreProvider.Sqlite ? 1 : settings.DispatchConcurrency;
        var claimers = Enumerable.Range(0, concurrency).Select(_ => ClaimUntilDrainedAsync(settings, cancellationToken));
        var total = (await Task.WhenAll(claimers)).Sum();
        if (total > 0)
        {
            LogDispatched(logger, total);
        }

        return total;
    }

    private async Task<int> ClaimUntilDrainedAsync(SchedulingOptions settings, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var dispatchStore = scope.ServiceProvider.GetRequiredService<ICheckInDispatchStore>();
        var total = 0;
        for (var batch = 0; batch < settings.MaxBatchesPerRun; batch++)
        {
            // Replies to people who are talking go first: a claim is a stretch of work they would wait behind.
            await liveTurns.WhenQuietAsync(settings.YieldToLiveTurnsAtMost, cancellationToken);
            var now = clock.GetUtcNow();
            var due = await dispatchStore.ClaimDueAsync(now, settings.BatchSize, cancellationToken);
            if (due.Count > 0)
            {
                var decisions = due.Select(schedule => planner.Decide(schedule, now)).ToList();
                await dispatchStore.SaveAsync(due, decisions, now, cancellationToken);
                total += due.Count;
                metrics.CheckInsDue(due.Count);
                outboxSignal.Notify();
            }

            if (due.Count < settings.BatchSize)
            {
                break;
            }
        }

        return total;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Dispatcher handled {Count} due schedules")]
    private static partial void LogDispatched(ILogger logger, int count);
}
