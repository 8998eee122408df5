namespace Bot.Adapters.Telegram;

/// <summary>
/// Groups whose admins asked for a daily community check-in post. Only the group id and a time are kept: nothing
/// personal. Implemented by the store; a scheduled job reads it and calls <see cref="TelegramCommunityPoster"/>.
/// </summary>
public interface ICommunityPostSubscriptions
{
    Task SubscribeAsync(long groupChatId, TimeOnly postAtUtc, CancellationToken cancellationToken);

    /// <summary>"/dailypost 09:00 Europe/Berlin": a local time in an IANA time zone (already validated).</summary>
    Task SubscribeAsync(long groupChatId, TimeOnly localTime, string timeZone, CancellationToken cancellationToken);

    Task UnsubscribeAsync(long groupChatId, CancellationToken cancellationToken);
}
