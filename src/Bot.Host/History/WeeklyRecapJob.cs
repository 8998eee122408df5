using Bot.Core.History;
using Bot.Core.Messaging;
using Quartz;

namespace Bot.Host.History;

/// <summary>Sends the weekly look backs that are due (each person's Sunday evening, in their own time zone).</summary>
[DisallowConcurrentExecution]
public sealed partial class WeeklyRecapJob(WeeklyRecapDispatcher dispatcher, IOutboxSignal outboxSignal, ILogger<WeeklyRecapJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-recap", "history");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var total = 0;
        int sent;
        do
        {
            sent = await dispatcher.SendDueAsync(cancellationToken);
            total += sent;
        }
        while (sent == WeeklyRecapDispatcher.BatchSize && !cancellationToken.IsCancellationRequested);

        if (total > 0)
        {
            outboxSignal.Notify();
        }

        LogSent(logger, total);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Queued {Count} weekly look backs")]
    private static partial void LogSent(ILogger logger, int count);
}
