using System.Collections.Concurrent;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Persistence;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>
/// Claims outbox messages, hands them to the platform within its rate limits, and records what the platform said.
/// Chats are sent to in parallel; the messages of one chat stay in order: when one of them has to wait (retry later,
/// unreachable), the rest of that chat waits behind it.
/// </summary>
public sealed partial class OutboxDelivery(
    IServiceScopeFactory scopes,
    ChatPlatformRouter router,
    DeliveryRateLimiter limiter,
    SentMarks marks,
    TimeProvider clock,
    BotMetrics metrics,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDelivery> logger)
{
    private readonly DeliveryOptions _options = options.Value;

    /// <summary>Both lanes, reply lane first.</summary>
    /// <returns>How many messages were claimed.</returns>
    public Task<int> DeliverBatchAsync(CancellationToken cancellationToken) => DeliverBatchAsync(null, cancellationToken);

    /// <returns>How many messages were claimed.</returns>
    public async Task<int> DeliverBatchAsync(DeliveryLane? lane, CancellationToken cancellationToken)
    {
        var items = await marks.AfterFlushAsync(
            async () =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
                return await store.ClaimAsync(router.Enabled, _options.BatchSize, clock.GetUtcNow(), _options.Lease, cancellationToken, lane);
            },
            cancellationToken);

        if (items.Count == 0)
        {
            return 0;
        }

        var settled = new ConcurrentDictionary<long, bool>();
        var chats = items.GroupBy(i => i.Message.Chat).Select(g => g.OrderBy(i => i.Id).ToArray()).ToArray();
        await using (LeaseRenewal.Start(scopes, clock, items.Select(i => i.Id).ToArray(), _options.Lease, logger))
        {
            try
            {
                await Parallel.ForEachAsync(
                    chats,
                    new ParallelOptions { MaxDegreeOfParallelism = _options.SendConcurrency, CancellationToken = cancellationToken },
                    async (chatItems, ct) =>
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        var store = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
                        foreach (var item in chatItems)
                        {
                            ct.ThrowIfCancellationRequested();
                            var chatGoesOn = await DeliverAsync(store, item, ct);
                            settled[item.Id] = true;
                            if (!chatGoesOn)
                            {
                                await ReleaseAsync(store, chatItems.Where(i => !settled.ContainsKey(i.Id)));
                                break;
                            }
                        }
                    });
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await marks.TryFlushAsync(CancellationToken.None);
                await using var scope = scopes.CreateAsyncScope();
                await ReleaseAsync(scope.ServiceProvider.GetRequiredService<IOutboxStore>(), items.Where(i => !settled.ContainsKey(i.Id)));
                throw;
            }
            finally
            {
                await marks.TryFlushAsync(CancellationToken.None);
            }
        }

        return items.Count;
    }

    /// <returns>Whether the chat's next message may follow now.</returns>
    private async Task<bool> DeliverAsync(IOutboxStore store, OutboxItem item, CancellationToken ct)
    {
        var platformName = item.Message.Chat.Platform;
        if (!router.TryGet(platformName, out var platform))
        {
            return false;
        }

        SendResult result;
        using (await limiter.AcquireAsync(item.Message, item.Lane, ct))
        {
            try
            {
                result = await platform.SendAsync(item.Message, $"outbox-{item.Id}", ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                LogSendFailed(logger, ex, platformName, item.Id);
                result = SendResult.Later(null, "exception");
            }
        }

        var now = clock.GetUtcNow();
        if (result.IsRateLimited)
        {
            metrics.RateLimited(platformName);
            if (result.RetryAfter is { } retryAfter)
            {
                limiter.PausePlatform(platformName, retryAfter);
            }
        }

        switch (result.Status)
        {
            case SendStatus.Sent:
                await marks.AddAsync(item.Id, ct);
                metrics.MessageOut(platformName);
                if (item.Lane == DeliveryLane.Scheduled)
                {
                    metrics.CheckInSent(platformName);
                }

                return true;
            case SendStatus.Unreachable:
                LogUnreachable(logger, platformName, item.Id);
                await store.MarkUnreachableAsync(item.Id, now, ct);
                return false;
            case SendStatus.RetryLater when item.Attempts < _options.MaxAttempts:
                await store.RetryLaterAsync(item.Id, now + (result.RetryAfter ?? Backoff(item.Attempts)), ct);
                return false;
            default:
                LogGaveUp(logger, platformName, item.Id, item.Attempts);
                await store.MarkFailedAsync(item.Id, now, ct);
                return true;
        }
    }

    /// <summary>What was claimed but not sent goes back to the outbox at once (on shutdown: for the next worker).</summary>
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
