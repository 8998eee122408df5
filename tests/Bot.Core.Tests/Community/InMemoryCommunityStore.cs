using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Core.Tests.Community;

/// <summary>A plain in-memory store for the feature and dispatcher tests; the real store is tested on PostgreSQL and SQLite.</summary>
public sealed class InMemoryCommunityStore : ICommunityStore
{
    private readonly Dictionary<ChatAddress, CommunitySubscription> _channels = [];
    private readonly HashSet<(ChatAddress Chat, DateOnly Day, string Sender)> _answers = [];

    public IReadOnlyCollection<CommunitySubscription> Channels => _channels.Values;

    public int AnswerRows => _answers.Count;

    /// <summary>Posts queued with their claimed day, as the real store writes them to the outbox.</summary>
    public List<OutboundMessage> Outbox { get; } = [];

    /// <summary>What a saved turn's writes do to the channels, as the real store applies them.</summary>
    public async Task ApplyAsync(IEnumerable<Bot.Core.Persistence.TurnWrite> writes, DateTimeOffset now)
    {
        foreach (var write in writes)
        {
            await (write switch
            {
                Bot.Core.Persistence.SaveCommunityChannel save => SaveChannelAsync(save.Channel, save.PostedOn, now, CancellationToken.None),
                Bot.Core.Persistence.RemoveCommunityChannel remove => RemoveChannelAsync(remove.Chat, CancellationToken.None),
                Bot.Core.Persistence.RecordCommunityAnswer answer => RecordAnswerAsync(answer.Chat, answer.Day, answer.SenderId, CancellationToken.None),
                _ => Task.CompletedTask,
            });
        }
    }

    public Task SaveChannelAsync(CommunityChannel channel, DateOnly? postedOn, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var previous = _channels.TryGetValue(channel.Chat, out var existing) ? existing.LastPostedOn : null;
        _channels[channel.Chat] = new CommunitySubscription(channel, postedOn ?? previous);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveChannelAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        _answers.RemoveWhere(a => a.Chat == chat);
        return Task.FromResult(_channels.Remove(chat));
    }

    public Task<CommunitySubscription?> FindAsync(ChatAddress chat, CancellationToken cancellationToken) =>
        Task.FromResult(_channels.GetValueOrDefault(chat));

    public Task<IReadOnlyList<CommunitySubscription>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CommunitySubscription>>([.. _channels.Values]);

    public Task<bool> RecordAnswerAsync(ChatAddress chat, DateOnly day, string senderId, CancellationToken cancellationToken) =>
        Task.FromResult(_answers.Add((chat, day, senderId)));

    public Task<int> CountAnswersAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(_answers.Count(a => a.Chat == chat && a.Day == day));

    public Task<int> ForgetAnswersBeforeAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken) =>
        Task.FromResult(_answers.RemoveWhere(a => a.Chat == chat && a.Day < day));

    public Task<bool> ClaimDayAsync(ChatAddress chat, DateOnly day, OutboundMessage post, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!_channels.TryGetValue(chat, out var subscription) || subscription.LastPostedOn >= day)
        {
            return Task.FromResult(false);
        }

        _channels[chat] = subscription with { LastPostedOn = day };
        Outbox.Add(post);
        return Task.FromResult(true);
    }
}
