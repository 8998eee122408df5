using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Bot.Core.Messaging;

public enum FloodVerdict
{
    Normal = 0,
    Slowed = 1,
    SlowedFirstTime = 2,
}

/// <summary>
/// Per-chat flood guard: a burst of messages is slowed, never dropped. Each message waits for its turn, and the person
/// hears one gentle note per episode. Crisis messages never wait (the handler skips the guard for them).
/// </summary>
public sealed class FloodGuard : IDisposable
{
    private static readonly TimeSpan NoteEvery = TimeSpan.FromMinutes(10);
    private readonly PartitionedRateLimiter<ChatAddress> _limiter;
    private readonly ConcurrentDictionary<ChatAddress, DateTimeOffset> _lastNote = new();
    private readonly TimeProvider _clock;

    public FloodGuard(TimeProvider clock, int burst = 8, int perSecond = 2)
    {
        _clock = clock;
        _limiter = PartitionedRateLimiter.Create<ChatAddress, ChatAddress>(chat => RateLimitPartition.GetTokenBucketLimiter(
            chat,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 10_000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public async Task<FloodVerdict> WaitTurnAsync(ChatAddress chat, CancellationToken cancellationToken)
    {
        using (var immediate = _limiter.AttemptAcquire(chat))
        {
            if (immediate.IsAcquired)
            {
                return FloodVerdict.Normal;
            }
        }

        var now = _clock.GetUtcNow();
        var first = false;
        _lastNote.AddOrUpdate(
            chat,
            _ =>
            {
                first = true;
                return now;
            },
            (_, last) =>
            {
                first = now - last >= NoteEvery;
                return first ? now : last;
            });

        using var lease = await _limiter.AcquireAsync(chat, 1, cancellationToken);
        return first ? FloodVerdict.SlowedFirstTime : FloodVerdict.Slowed;
    }

    public void Dispose() => _limiter.Dispose();
}
