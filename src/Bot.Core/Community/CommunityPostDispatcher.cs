using Bot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Community;

/// <summary>
/// Use case: queue each channel's daily post at its local time, once per local day. A channel's day is claimed and its
/// post written to the outbox in one transaction, so replicas running this at the same moment queue it exactly once and
/// delivery sends it like every other message (retries, rate limits, a channel the bot was removed from). Once a day's
/// post is queued, earlier days' anonymous answers are forgotten.
/// </summary>
public sealed partial class CommunityPostDispatcher(
    ICommunityStore store,
    IEnumerable<IChatPlatform> platforms,
    TimeProvider clock,
    ILogger<CommunityPostDispatcher> logger,
    IOutboxSignal? outboxSignal = null)
{
    /// <returns>How many posts were queued.</returns>
    public async Task<int> PostDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var enabled = platforms.Select(p => p.Platform).ToHashSet();
        var queued = 0;
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            var chat = subscription.Channel.Chat;
            if (!enabled.Contains(chat.Platform) || !IsDue(subscription, now, out var day))
            {
                continue;
            }

            var answered = subscription.LastPostedOn is { } previous ? await store.CountAnswersAsync(chat, previous, cancellationToken) : 0;
            var post = OutboundMessage.Community(chat, new CommunityPost(day, CommunityAggregate.Shown(answered)));
            if (!await store.ClaimDayAsync(chat, day, post, now, cancellationToken))
            {
                continue;
            }

            await store.ForgetAnswersBeforeAsync(chat, day, cancellationToken);
            LogQueued(logger, chat.Platform);
            queued++;
        }

        if (queued > 0)
        {
            outboxSignal?.Notify();
        }

        return queued;
    }

    /// <summary>A zone this machine's time zone data does not know skips that channel only, never the whole run.</summary>
    private bool IsDue(CommunitySubscription subscription, DateTimeOffset now, out DateOnly day)
    {
        try
        {
            return CommunitySchedule.IsDue(subscription, now, out day);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            LogUnknownZone(logger, subscription.Channel.Chat.Platform, subscription.Channel.TimeZone);
            day = default;
            return false;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Community post queued on {Platform}")]
    private static partial void LogQueued(ILogger logger, Platform platform);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Community channel on {Platform} has time zone {TimeZone}, which this machine does not know; skipped")]
    private static partial void LogUnknownZone(ILogger logger, Platform platform, string timeZone);
}
