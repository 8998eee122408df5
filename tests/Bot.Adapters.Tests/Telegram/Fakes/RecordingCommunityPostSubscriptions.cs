using System.Collections.Concurrent;
using Bot.Adapters.Telegram;

namespace Bot.Adapters.Tests.Telegram.Fakes;

public sealed class RecordingCommunityPostSubscriptions : ICommunityPostSubscriptions
{
    public ConcurrentDictionary<long, TimeOnly> Groups { get; } = new();

    public Task SubscribeAsync(long groupChatId, TimeOnly postAtUtc, CancellationToken cancellationToken)
    {
        Groups[groupChatId] = postAtUtc;
        return Task.CompletedTask;
    }

    public ConcurrentDictionary<long, string> Zones { get; } = new();

    public Task SubscribeAsync(long groupChatId, TimeOnly localTime, string timeZone, CancellationToken cancellationToken)
    {
        Groups[groupChatId] = localTime;
        Zones[groupChatId] = timeZone;
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(long groupChatId, CancellationToken cancellationToken)
    {
        Groups.TryRemove(groupChatId, out _);
        return Task.CompletedTask;
    }
}
