using Quartz;

namespace Bot.Host.Scheduling;

/// <summary>One recurring job for everyone (not one trigger per person): claims due check-ins from our own table.</summary>
[DisallowConcurrentExecution]
public sealed partial class DispatchDueCheckInsJob(CheckInDispatcher dispatcher, ILogger<DispatchDueCheckInsJob> logger) : IJob
{
    public static readonly JobKey Key = new("dispatch-due-check-ins", "scheduling");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchDueAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nothing is lost: an uncommitted batch stays due and the next run claims it.
            LogRunFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Dispatcher run failed; due check-ins stay due for the next run")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
