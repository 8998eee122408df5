using Bot.Core.Messaging;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Community;

/// <summary>
/// Use case: post each channel's daily message at its local time, once per local day. A channel's day is claimed with a
/// conditional update first, so replicas running this at the same moment post it exactly once; a send that should be
/// retried gives the claim back for the next run. Once a day's post is settled, earlier days' anonymous answers are forgotten.
/// </summary>
/// <remarks>A crash between claim and send loses that day's post: one missed invitation, never a repeated one.</remarks>
public sealed partial class CommunityPostDispatcher(
    ICommunityStore store,
    IEnumerable<ICommunityPoster> posters,
    TimeProvider clock,
    ILogger<CommunityPostDispatcher> logger)
{
    public async Task<int> PostDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byPlatform = posters.ToDictionary(p => p.Platform);
        var posted = 0;
        foreach (var subscription in await store.ListAsync(cancellationToken))
        {
            var chat = subscription.Channel.Chat;
            if (!byPlatform.TryGetValue(chat.Platform, out var poster) || !IsDue(subscription, now, out var day))
            {
                continue;
            }

            if (!await store.TryClaimDayAsync(chat, day, now, cancellationToken))
            {
                continue;
            }

            try
            {
                posted += await PostClaimedAsync(poster, subscription, day, cancellationToken) ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPostFailed(logger, ex, chat.Platform);
                await store.ReleaseDayAsync(chat, day, subscription.LastPostedOn, CancellationToken.None);
            }
        }

        return posted;
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

    private async Task<bool> PostClaimedAsync(ICommunityPoster poster, CommunitySubscription subscription, DateOnly day, CancellationToken cancellationToken)
    {
        var chat = subscription.Channel.Chat;
        var answered = subscription.LastPostedOn is { } previous ? await store.CountAnswersAsync(chat, previous, cancellationToken) : 0;
        var post = new CommunityPost(day, CommunityAggregate.Shown(answered));
        var result = await poster.PostAsync(chat, post, $"community:{chat}:{day:yyyy-MM-dd}", cancellationToken);
        switch (result.Status)
        {
            case SendStatus.Sent:
                await store.ForgetAnswersBeforeAsync(chat, day, cancellationToken);
                LogPosted(logger, chat.Platform);
                return true;

            case SendStatus.RetryLater:
                await store.ReleaseDayAsync(chat, day, subscription.LastPostedOn, cancellationToken);
                LogPostDeferred(logger, chat.Platform, result.Reason);
                return false;

            default:
                // Removed from the channel or not allowed to post: try again tomorrow, not every minute. The old day's
                // hashes and secret go anyway, so nothing outlives its day because a post failed.
                await store.ForgetAnswersBeforeAsync(chat, day, cancellationToken);
                LogPostRefused(logger, chat.Platform, result.Status, result.Reason);
                return false;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Community post sent on {Platform}")]
    private static partial void LogPosted(ILogger logger, Platform platform);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Community post on {Platform} will be retried: {Reason}")]
    private static partial void LogPostDeferred(ILogger logger, Platform platform, string? reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Community post on {Platform} refused ({Status}: {Reason}); next try tomorrow")]
    private static partial void LogPostRefused(ILogger logger, Platform platform, SendStatus status, string? reason);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Community channel on {Platform} has time zone {TimeZone}, which this machine does not know; skipped")]
    private static partial void LogUnknownZone(ILogger logger, Platform platform, string timeZone);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Error, Message = "Community post on {Platform} failed; it will be retried")]
    private static partial void LogPostFailed(ILogger logger, Exception exception, Platform platform);
}
