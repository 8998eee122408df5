using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.SafetyPlan;
using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>
/// Delivers the one follow-up a person agreed to after a crisis response. Each delivery is its own turn with a dedupe
/// key made from the due time, so replicas running this job together still send it once.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SafetyFollowUpJob(
    ISafetyFollowUpStore followUps,
    TurnLoop turns,
    SafetyFollowUpFeature feature,
    IOutboxSignal outboxSignal,
    TimeProvider clock,
    ILogger<SafetyFollowUpJob> logger) : IJob
{
    public static readonly JobKey Key = new("safety-follow-up", "safety");
    private const int BatchSize = 100;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await DeliverDueAsync(cancellationToken);

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await followUps.DueAsync(now, BatchSize, cancellationToken);
        var delivered = 0;
        foreach (var followUp in due)
        {
            var request = new TurnRequest(followUp.Chat, followUp.SenderId, $"safety-follow-up:{followUp.DueAt.UtcTicks}", now);
            if (await turns.RunAsync(request, (turn, _) => Task.FromResult(feature.PlanDue(turn, now)), cancellationToken))
            {
                delivered++;
            }
        }

        if (delivered > 0)
        {
            outboxSignal.Notify();
            LogDelivered(logger, delivered);
        }

        return delivered;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Wrote {Count} safety follow-ups to the outbox")]
    private static partial void LogDelivered(ILogger logger, int count);
}
