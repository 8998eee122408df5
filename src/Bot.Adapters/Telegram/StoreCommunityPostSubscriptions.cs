using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Telegram;

/// <summary>
/// /dailypost and /stopdailypost, kept by Core's community store: the group id, a time and its zone (plain /dailypost:
/// the moment the admin asked, in UTC). When today's time has passed, today counts as served and the next post is tomorrow.
/// </summary>
public sealed class StoreCommunityPostSubscriptions(ICommunityStore store, TimeProvider clock) : ICommunityPostSubscriptions
{
    public const string TimeZone = "UTC";

    public Task SubscribeAsync(long groupChatId, TimeOnly postAtUtc, CancellationToken cancellationToken) =>
        SubscribeAsync(groupChatId, postAtUtc, TimeZone, cancellationToken);

    public Task SubscribeAsync(long groupChatId, TimeOnly localTime, string timeZone, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var channel = new CommunityChannel(Group(groupChatId), localTime, timeZone);
        return store.SaveChannelAsync(channel, CommunitySchedule.ServedAtSetup(channel, now), now, cancellationToken);
    }

    public Task UnsubscribeAsync(long groupChatId, CancellationToken cancellationToken) =>
        store.RemoveChannelAsync(Group(groupChatId), cancellationToken);

    private static ChatAddress Group(long groupChatId) =>
        new(Platform.Telegram, groupChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
