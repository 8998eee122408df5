using Bot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>
/// Drains the outbox in two loops, one per lane, so a burst of scheduled check-ins never stands in front of a reply
/// to someone who is talking now. Each loop wakes at once when its lane gets work, otherwise polls.
/// </summary>
public sealed partial class OutboxDeliveryWorker(
    OutboxDelivery delivery,
    IOutboxSignal replySignal,
    ScheduledLaneSignal scheduledSignal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            DrainAsync(DeliveryLane.Reply, replySignal.WaitAsync, stoppingToken),
            DrainAsync(DeliveryLane.Scheduled, scheduledSignal.WaitAsync, stoppingToken));

    private async Task DrainAsync(DeliveryLane lane, Func<TimeSpan, CancellationToken, Task> waitForWork, CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await delivery.DeliverBatchAsync(lane, stoppingToken);
                if (claimed == 0)
                {
                    await waitForWork(options.Value.IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store is down or flaky: nothing is lost (messages stay in the outbox); try again shortly.
                LogDeliveryLoopFailed(logger, ex, lane);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Outbox delivery loop ({Lane}) failed; retrying")]
    private static partial void LogDeliveryLoopFailed(ILogger logger, Exception exception, DeliveryLane lane);
}
