using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Replies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Inbound;

/// <summary>
/// Gives one inbound update a bounded number of attempts, then parks it in the dead-letter store, says a gentle sorry
/// once, and lets the caller move on: an update that fails every time never stops anyone else. Outages (see
/// <see cref="InboundFailure"/>) do not use up attempts, and an update is only let go once it is parked for sure.
/// </summary>
public sealed partial class PoisonGuard(
    IServiceScopeFactory scopes,
    IEnumerable<IChatPlatform> platforms,
    TimeProvider clock,
    ILogger<PoisonGuard> logger,
    BotMetrics? metrics = null)
{
    /// <summary>True when <paramref name="process"/> succeeded; false when the update was parked instead.</summary>
    public async Task<bool> RunAsync(InboundUpdate update, InboundAttempts attempts, Func<CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(process);

        var firstSeen = clock.GetUtcNow();
        var counted = 0;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await process(cancellationToken);
                return true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (InboundFailure.IsTransient(ex))
                {
                    if (!attempts.WaitOutOutages)
                    {
                        throw;
                    }
                }
                else
                {
                    counted++;
                }

                if (counted >= attempts.Limit && await TryParkAsync(update, ex, counted, firstSeen, attempts.WaitOutOutages, cancellationToken))
                {
                    return false;
                }

                var delay = attempts.Backoff(failures);
                LogFailed(logger, ex, update.Platform, update.UpdateId, counted, attempts.Limit, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private async Task<bool> TryParkAsync(InboundUpdate update, Exception error, int attempts, DateTimeOffset firstSeen, bool waitOutOutages, CancellationToken cancellationToken)
    {
        var (type, message) = InboundFailure.Describe(error);
        var letter = new DeadLetter(update.Platform, update.UpdateId, type, message, attempts, firstSeen, clock.GetUtcNow());
        bool parkedNow;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            parkedNow = await scope.ServiceProvider.GetRequiredService<IDeadLetterStore>().ParkAsync(letter, update.RawPayload(), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && waitOutOutages)
        {
            // Not parked means not let go: the update is tried again, and parked once the store answers.
            LogParkFailed(logger, ex, update.Platform, update.UpdateId);
            return false;
        }

        LogParked(logger, error, update.Platform, update.UpdateId, attempts, type);
        if (parkedNow)
        {
            metrics?.Parked(update.Platform);
            await SaySorryAsync(update, cancellationToken);
        }

        return true;
    }

    private async Task SaySorryAsync(InboundUpdate update, CancellationToken cancellationToken)
    {
        if (update.ReplyTo is not { } chat || platforms.FirstOrDefault(p => p.Platform == chat.Platform) is not { } platform)
        {
            return;
        }

        var sorry = ReplyCatalog.English[ReplyKey.SomethingWentWrongGently].Variants[0];
        try
        {
            var result = await platform.SendAsync(OutboundMessage.Plain(chat, sorry), $"dead-letter:{update.Platform}:{update.UpdateId}", cancellationToken);
            if (result.Status != SendStatus.Sent)
            {
                LogSorryNotSent(logger, null, update.Platform, update.UpdateId, result.Status.ToString());
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Best effort: the update is parked either way, and an operator can retry it.
            LogSorryNotSent(logger, ex, update.Platform, update.UpdateId, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Inbound update {UpdateId} on {Platform} could not be handled ({Attempts} of {Limit} attempts used; outages count none); retrying in {Delay}")]
    private static partial void LogFailed(ILogger logger, Exception exception, Platform platform, string updateId, int attempts, int limit, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Inbound update {UpdateId} on {Platform} failed {Attempts} times ({ErrorType}) and is parked; `dead-letters list` shows it")]
    private static partial void LogParked(ILogger logger, Exception exception, Platform platform, string updateId, int attempts, string errorType);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Inbound update {UpdateId} on {Platform} could not be parked; it is tried again")]
    private static partial void LogParkFailed(ILogger logger, Exception exception, Platform platform, string updateId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "The sorry for parked update {UpdateId} on {Platform} was not sent: {Reason}")]
    private static partial void LogSorryNotSent(ILogger logger, Exception? exception, Platform platform, string updateId, string reason);
}
