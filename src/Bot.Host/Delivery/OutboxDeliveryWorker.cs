using Bot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>Drains the outbox continuously; wakes at once when a turn commits, otherwise polls.</summary>
public sealed partial class OutboxDeliveryWorker(
    OutboxDelivery delivery,
    IOutboxSignal signal,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDeliveryWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await delivery.DeliverBatchAsync(stoppingToken);
                if (claimed == 0)
                {
                    await signal.WaitAsync(options.Value.IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store is down or flaky: nothing is lost (messages stay in the outbox); try again shortly.
                LogDeliveryLoopFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Outbox delivery loop failed; retrying")]
    private static partial void LogDeliveryLoopFailed(ILogger logger, Exception exception);
}
