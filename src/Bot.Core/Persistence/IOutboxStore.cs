using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

public interface IOutboxStore
{
    /// <summary>Claims due messages, reply lane first, for <paramref name="lease"/>; other workers skip claimed rows.</summary>
    /// <param name="lane">Only this lane (each lane has its own delivery loop); null: both, reply lane first.</param>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(
        IReadOnlyCollection<Platform> platforms, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken, DeliveryLane? lane = null);

    /// <summary>The platform took these messages: personal ones are deleted, the rest kept as sent.</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, DateTimeOffset availableAt, CancellationToken cancellationToken);

    /// <summary>The platform will not deliver to this chat (blocked, left): drop the message and pause the person's check-ins.</summary>
    Task MarkUnreachableAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<OutboxLag> MeasureAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
