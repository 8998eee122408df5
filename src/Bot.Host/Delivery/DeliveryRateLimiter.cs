using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Bot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace Bot.Host.Delivery;

/// <summary>
/// Token buckets per platform (global) and per chat, from System.Threading.RateLimiting, plus a platform-wide pause
/// when a platform still answers "retry after". Replies get ahead of scheduled check-ins: a scheduled send waits
/// while any reply is waiting for a token.
/// </summary>
public sealed class DeliveryRateLimiter : IAsyncDisposable
{
    // Limits are about the platforms' real clocks, so they run on real time even when the bot's clock is a fake.
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly DeliveryLimitsOptions _options;
    private readonly ConcurrentDictionary<Platform, TokenBucketRateLimiter> _global = new();
    private readonly ConcurrentDictionary<Platform, PartitionedRateLimiter<string>> _perChat = new();
    private readonly ConcurrentDictionary<Platform, DateTimeOffset> _pausedUntil = new();
    private int _repliesWaiting;

    public DeliveryRateLimiter(IOptions<DeliveryLimitsOptions> options)
    {
        _options = options.Value;
    }

    /// <summary>Waits until this message may be sent; dispose the lease after sending.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(OutboundMessage message, DeliveryLane lane, CancellationToken cancellationToken)
    {
        var platform = message.Chat.Platform;
        var chatLease = await PerChat(platform).AcquireAsync(ChatKey(message.Chat), 1, cancellationToken);
        chatLease.Dispose();

        if (lane == DeliveryLane.Reply)
        {
            Interlocked.Increment(ref _repliesWaiting);
        }

        try
        {
            var global = Global(platform);
            while (true)
            {
                await WaitOutPauseAsync(platform, cancellationToken);
                if (lane == DeliveryLane.Reply)
                {
                    // Replies queue at the bucket; scheduled sends never do, so a reply waits for one token at most.
                    var lease = await global.AcquireAsync(1, cancellationToken);
                    if (lease.IsAcquired)
                    {
                        return lease;
                    }

                    lease.Dispose();
                    continue;
                }

                if (Volatile.Read(ref _repliesWaiting) == 0)
                {
                    var lease = global.AttemptAcquire(1);
                    if (lease.IsAcquired)
                    {
                        return lease;
                    }

                    lease.Dispose();
                }

                // Tokens come once per replenishment period: looking more often only takes CPU from the replies.
                await Task.Delay(ReplenishmentPeriod(_options.For(platform)), cancellationToken);
            }
        }
        finally
        {
            if (lane == DeliveryLane.Reply)
            {
                Interlocked.Decrement(ref _repliesWaiting);
            }
        }
    }

    /// <summary>The platform said "too many requests, retry after": nothing more goes to it until then.</summary>
    public void PausePlatform(Platform platform, TimeSpan retryAfter)
    {
        var until = _clock.GetUtcNow() + retryAfter;
        _pausedUntil.AddOrUpdate(platform, until, (_, current) => current > until ? current : until);
    }

    private async Task WaitOutPauseAsync(Platform platform, CancellationToken cancellationToken)
    {
        while (_pausedUntil.TryGetValue(platform, out var until) && until > _clock.GetUtcNow())
        {
            await Task.Delay(until - _clock.GetUtcNow(), _clock, cancellationToken);
        }
    }

    /// <summary>Telegram group and channel ids are negative; those chats have the tighter per-minute limit.</summary>
    private static string ChatKey(ChatAddress chat) =>
        chat.Platform == Platform.Telegram && chat.ChatId.StartsWith('-') ? "g:" + chat.ChatId : "p:" + chat.ChatId;

    private static int TokensPerPeriod(PlatformRateLimit limit) => (int)Math.Ceiling(limit.PerSecond / 100);

    private static TimeSpan ReplenishmentPeriod(PlatformRateLimit limit) => TimeSpan.FromSeconds(TokensPerPeriod(limit) / limit.PerSecond);

    private TokenBucketRateLimiter Global(Platform platform) => _global.GetOrAdd(platform, p =>
    {
        var limit = _options.For(p);

        // A token every 1/rate seconds with a small bucket: a smooth stream, not a burst at each second boundary. Above
        // 100/s the tokens come a few at a time every 10 ms or more: timers do not tick much faster than a millisecond.
        var tokensPerPeriod = TokensPerPeriod(limit);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(tokensPerPeriod, (int)Math.Floor(limit.PerSecond / 20)),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = ReplenishmentPeriod(limit),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });

    private PartitionedRateLimiter<string> PerChat(Platform platform) => _perChat.GetOrAdd(platform, p =>
    {
        var limit = _options.For(p);
        return PartitionedRateLimiter.Create<string, string>(key => key.StartsWith("g:", StringComparison.Ordinal)
            ? RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 3,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(60.0 / limit.GroupPerMinute),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limit.ChatBurst,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / limit.ChatPerSecond),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var limiter in _global.Values)
        {
            await limiter.DisposeAsync();
        }

        foreach (var limiter in _perChat.Values)
        {
            await limiter.DisposeAsync();
        }
    }
}
