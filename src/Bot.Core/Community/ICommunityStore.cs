using Bot.Core.Messaging;

namespace Bot.Core.Community;

/// <summary>
/// Community channels and their anonymous daily answer counts. Keeps channel ids, times and counts: never who answered.
/// Methods called from a turn share the turn's transaction.
/// </summary>
public interface ICommunityStore
{
    /// <summary>Creates or replaces the channel's setup. <paramref name="postedOn"/> marks a day as already served.</summary>
    Task SaveChannelAsync(CommunityChannel channel, DateOnly? postedOn, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Ends the daily post and forgets the channel's counts; false when it was not set up.</summary>
    Task<bool> RemoveChannelAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task<CommunitySubscription?> FindAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommunitySubscription>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts one answer for the channel's post of <paramref name="day"/>, at most once per person, without keeping who:
    /// only a keyed hash with a secret of that day is stored, and both go when the day is forgotten. True when new.
    /// </summary>
    Task<bool> RecordAnswerAsync(ChatAddress chat, DateOnly day, string senderId, CancellationToken cancellationToken);

    Task<int> CountAnswersAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken);

    /// <summary>Deletes the answers and day secrets of days before <paramref name="day"/>.</summary>
    Task<int> ForgetAnswersBeforeAsync(ChatAddress chat, DateOnly day, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the post of <paramref name="day"/> and queues <paramref name="post"/> in the outbox, in one transaction: a
    /// conditional update, so across any number of replicas exactly one claim succeeds per channel and day, and a claimed
    /// day's post is never lost (delivery retries it). False when the day was claimed already.
    /// </summary>
    Task<bool> ClaimDayAsync(ChatAddress chat, DateOnly day, OutboundMessage post, DateTimeOffset now, CancellationToken cancellationToken);
}
