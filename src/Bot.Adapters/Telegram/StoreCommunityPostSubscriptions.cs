using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Telegram;

/// <summary>
/// /dailypost and /stopdailypost, kept by Core's community store: the group id and a time in UTC (the moment the admin
/// asked). The adapter posts at once, so today counts as served and the next post comes tomorrow at that time.
/// </summary>
public sealed class StoreCommunityPostSubscriptions(ICommunityStore store, TimeProvider clock) : ICommunityPostSubscriptions
{
    public const string TimeZone = "UTC";

    public Task SubscribeAsync(long groupChatId, TimeOnly postAtUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var channel = new CommunityChannel(Group(groupChatId), postAtUtc, TimeZone);
        return store.SaveChannelAsync(channel, CommunitySchedule.ServedAtSetup(channel, now), now, cancellationToken);
    }

    public Task UnsubscribeAsync(long groupChatId, CancellationToken cancellationToken) =>
        store.RemoveChannelAsync(Group(groupChatId), cancellationToken);

    private static ChatAddress Group(long groupChatId) =>
        new(Platform.Telegram, groupChatId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
