using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

public interface IOutboxStore
{
    /// <summary>
    /// Claims due messages for <paramref name="lease"/>, oldest first; other workers skip claimed rows. A chat's rows are
    /// claimed in order and never past an earlier row of the same chat that is leased or waiting for a retry.
    /// </summary>
    /// <param name="lane">Only this lane (each lane has its own delivery loop); null: both, reply lane first.</param>
    Task<IReadOnlyList<OutboxItem>> ClaimAsync(
        IReadOnlyCollection<Platform> platforms, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken, DeliveryLane? lane = null);

    /// <summary>Keeps the lease on claimed rows that are still pending, so a live worker's rows are not taken from it.</summary>
    Task RenewLeaseAsync(IReadOnlyCollection<long> ids, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>The platform took these messages: personal ones are deleted, the rest kept as sent.</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset now, CancellationToken cancellationToken);

    Task RetryLaterAsync(long id, DateTimeOffset availableAt, CancellationToken cancellationToken);

    /// <summary>The platform will not deliver to this chat (blocked, left): drop the message and pause the person's check-ins.</summary>
    Task MarkUnreachableAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    Task MarkFailedAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<OutboxLag> MeasureAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
