using Bot.Core.Messaging;

namespace Bot.Core.Community;

/// <summary>
/// Community channels and their anonymous daily answer counts. Keeps channel ids, times and counts: never who answered.
/// A turn changes them with <see cref="Persistence.SaveCommunityChannel"/>, <see cref="Persistence.RemoveCommunityChannel"/>
/// and <see cref="Persistence.RecordCommunityAnswer"/>.
/// </summary>
public interface ICommunityStore
{
    Task<CommunitySubscription?> FindAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task<IReadOnlyList<CommunitySubscription>> ListAsync(CancellationToken cancellationToken);

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
