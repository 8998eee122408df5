using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>Claims outbox messages (reply lane first), hands them to the platform, and records what the platform said.</summary>
public sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes,
    ChatPlatformRouter router,
    TimeProvider clock,
    BotMetrics metrics,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDelivery> logger)
{
    private readonly DeliveryOptions _options = options.Value;

    /// <returns>How many messages were claimed.</returns>
    public async Task<int> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var items = await store.ClaimAsync(router.Enabled, _options.BatchSize, clock.GetUtcNow(), _options.Lease, cancellationToken);
        for (var i = 0; i < items.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync(store, items.Skip(i));
                cancellationToken.ThrowIfCancellationRequested();
            }

            await DeliverAsync(store, items[i], cancellationToken);
        }

        return items.Count;
    }

    private async Task DeliverAsync(IOutboxStore store, OutboxItem item, CancellationToken ct)
    {
        if (!router.TryGet(item.Message.Chat.Platform, out var platform))
        {
            return;
        }

        SendResult result;
        try
        {
            result = await platform.SendAsync(item.Message, $"outbox-{item.Id}", ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogSendFailed(logger, ex, item.Message.Chat.Platform, item.Id);
            result = SendResult.Later(null, "exception");
        }

        var now = clock.GetUtcNow();
        if (result.IsRateLimited)
        {
            metrics.RateLimited(item.Message.Chat.Platform);
        }

        switch (result.Status)
        {
            case SendStatus.Sent:
                await store.MarkSentAsync(item.Id, now, ct);
                metrics.MessageOut(item.Message.Chat.Platform);
                if (item.Lane == DeliveryLane.Scheduled)
                {
                    metrics.CheckInSent(item.Message.Chat.Platform);
                }

                break;
            case SendStatus.Unreachable:
                LogUnreachable(logger, item.Message.Chat.Platform, item.Id);
                await store.MarkUnreachableAsync(item.Id, now, ct);
                break;
            case SendStatus.RetryLater when item.Attempts < _options.MaxAttempts:
                await store.RetryLaterAsync(item.Id, now + (result.RetryAfter ?? Backoff(item.Attempts)), ct);
                break;
            default:
                LogGaveUp(logger, item.Message.Chat.Platform, item.Id, item.Attempts);
                await store.MarkFailedAsync(item.Id, now, ct);
                break;
        }
    }

    /// <summary>On shutdown, what was claimed but not sent goes back to the outbox at once for the next worker.</summary>
    private async Task ReleaseAsync(IOutboxStore store, IEnumerable<OutboxItem> unsent)
    {
        var now = clock.GetUtcNow();
        foreach (var item in unsent)
        {
            await store.RetryLaterAsync(item.Id, now, CancellationToken.None);
        }
    }

    /// <summary>Exponential, capped at 10 minutes: 2 s, 4 s, 8 s, ...</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Clamp(attempts, 1, 10))));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Sending outbox message {OutboxId} on {Platform} failed; it will be retried")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Platform platform, long outboxId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Outbox message {OutboxId}: the person is unreachable on {Platform}; their check-ins wait until they write again")]
    private static partial void LogUnreachable(ILogger logger, Platform platform, long outboxId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Outbox message {OutboxId} on {Platform} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Platform platform, long outboxId, int attempts);
}
