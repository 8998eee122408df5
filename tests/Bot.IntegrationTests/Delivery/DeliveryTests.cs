using System.Diagnostics;
using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Host.Delivery;
using Bot.IntegrationTests.Persistence;
using Bot.Testing.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.IntegrationTests.Delivery;

/// <summary>Rate limits before sending, reply lane first, retry_after honoured, permanent failures stop the retries.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(StoreProvider.Postgres);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    /// <summary>One message to each of <paramref name="count"/> chats.</summary>
    private Task QueueAsync(int count, DeliveryLane lane, string chatPrefix = "c") =>
        AddAsync(Enumerable.Range(0, count).Select(i => Row($"{chatPrefix}{i}", lane, $"hello {i}")));

    /// <summary><paramref name="count"/> messages to one chat, in id order; the first one perhaps leased by another worker.</summary>
    private Task QueueInChatAsync(string chat, int count, DeliveryLane lane = DeliveryLane.Reply, DateTimeOffset? leasedUntil = null) =>
        AddAsync(Enumerable.Range(0, count).Select(i =>
        {
            var row = Row(chat, lane, $"{chat} {i}");
            row.LeaseUntil = i == 0 ? leasedUntil : null;
            row.Attempts = i == 0 && leasedUntil is not null ? 1 : 0;
            return row;
        }));

    private OutboxRow Row(string chat, DeliveryLane lane, string text) => new()
    {
        Platform = Platform.Telegram,
        ChatId = chat,
        Lane = lane,
        PayloadJson = StateJson.Write(new StoredMessage(text, [])),
        Status = OutboxStatus.Pending,
        CreatedAt = _store.Clock.GetUtcNow(),
        AvailableAt = _store.Clock.GetUtcNow(),
    };

    private Task AddAsync(IEnumerable<OutboxRow> rows) => _store.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<BotDbContext>();
        foreach (var row in rows)
        {
            // One at a time, so the ids follow the order given.
            db.Outbox.Add(row);
            await db.SaveChangesAsync();
        }

        return 0;
    });

    private string[] SentTexts() => _store.Platform.Sent.Select(m => m.Text).ToArray();

    private OutboxDelivery Delivery(double perSecond, out DeliveryRateLimiter limiter, TimeSpan? lease = null)
    {
        limiter = new DeliveryRateLimiter(Options.Create(new DeliveryLimitsOptions { Telegram = new PlatformRateLimit { PerSecond = perSecond } }));
        return new OutboxDelivery(
            _store.Services.GetRequiredService<IServiceScopeFactory>(),
            _store.Services.GetRequiredService<ChatPlatformRouter>(),
            limiter,
            new SentMarks(_store.Services.GetRequiredService<IServiceScopeFactory>(), _store.Clock, NullLogger<SentMarks>.Instance),
            _store.Clock,
            _store.Services.GetRequiredService<BotMetrics>(),
            Options.Create(new DeliveryOptions { BatchSize = 20, SendConcurrency = 8, Lease = lease ?? TimeSpan.FromSeconds(15) }),
            NullLogger<OutboxDelivery>.Instance);
    }

    /// <summary>A platform that refuses (429) anything beyond its limit in a sliding second, with 10% tolerance.</summary>
    private void PlatformLimitedTo(double perSecond)
    {
        var recent = new Queue<long>();
        var gate = new Lock();
        _store.Platform.Respond = _ =>
        {
            lock (gate)
            {
                var now = Stopwatch.GetTimestamp();
                while (recent.Count > 0 && Stopwatch.GetElapsedTime(recent.Peek(), now) > TimeSpan.FromSeconds(1))
                {
                    recent.Dequeue();
                }

                if (recent.Count >= Math.Ceiling(perSecond * 1.1))
                {
                    return SendResult.RateLimited(TimeSpan.FromSeconds(1));
                }

                recent.Enqueue(now);
                return SendResult.Sent;
            }
        };
    }

    private static async Task DrainAsync(OutboxDelivery delivery, DeliveryLane? lane)
    {
        while (await delivery.DeliverBatchAsync(lane, CancellationToken.None) > 0)
        {
        }
    }

    private Task<int> CountAsync(Func<IQueryable<OutboxRow>, IQueryable<OutboxRow>> filter) =>
        _store.InScopeAsync(sp => filter(sp.GetRequiredService<BotDbContext>().Outbox.AsNoTracking()).CountAsync());

    [Fact]
    public async Task OneLanesClaimThatHangs_DoesNotHoldUpTheOtherLanesClaim()
    {
        var marks = new SentMarks(_store.Services.GetRequiredService<IServiceScopeFactory>(), _store.Clock, NullLogger<SentMarks>.Instance);
        var hanging = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduled = marks.AfterFlushAsync(() => hanging.Task, CancellationToken.None);

        var reply = await marks.AfterFlushAsync(() => Task.FromResult(7), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(7, reply);
        Assert.False(scheduled.IsCompleted);
        hanging.SetResult(1);
        Assert.Equal(1, await scheduled);
    }

    [Fact]
    public async Task ConfiguredRate_AboveWhatATimerCanTickOneTokenAt_KeepsFlowing()
    {
        // 2,000/s is one token every 0.5 ms: a timer cannot tick that fast, so tokens must come a few at a time.
        PlatformLimitedTo(2000);
        await QueueAsync(1000, DeliveryLane.Scheduled);
        var delivery = Delivery(2000, out var limiter);
        await using var _ = limiter;

        await DrainAsync(delivery, null).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1000, _store.Platform.Sent.Count);
        Assert.Equal(0, await CountAsync(q => q.Where(o => o.Status != OutboxStatus.Sent)));
    }

    [Fact]
    public async Task ConfiguredRate_AtThePlatformLimit_GetsNo429s()
    {
        PlatformLimitedTo(20);
        await QueueAsync(50, DeliveryLane.Scheduled);
        var delivery = Delivery(20, out var limiter);
        await using var _ = limiter;

        await DrainAsync(delivery, null);

        Assert.Equal(50, _store.Platform.Sent.Count);
        Assert.Equal(0, await CountAsync(q => q.Where(o => o.Status != OutboxStatus.Sent)));
    }

    [Fact]
    public async Task ConfiguredRate_AboveThePlatformLimit_WouldGet429s()
    {
        // The control for the test above: the same fake does refuse a sender that ignores its limit.
        PlatformLimitedTo(20);
        await QueueAsync(50, DeliveryLane.Scheduled);
        var delivery = Delivery(500, out var limiter);
        await using var _ = limiter;

        await delivery.DeliverBatchAsync(null, CancellationToken.None);
        await delivery.DeliverBatchAsync(null, CancellationToken.None);

        Assert.True(await CountAsync(q => q.Where(o => o.Status == OutboxStatus.Pending && o.AvailableAt > o.CreatedAt)) > 0);
    }

    [Fact]
    public async Task ReplyDuringABurstOfCheckIns_GoesBeforeTheRemainingCheckIns()
    {
        await QueueAsync(60, DeliveryLane.Scheduled);
        var delivery = Delivery(20, out var limiter);
        await using var _ = limiter;
        var burst = Task.Run(() => DrainAsync(delivery, DeliveryLane.Scheduled));
        while (_store.Platform.Sent.Count < 5)
        {
            await Task.Delay(20);
        }

        await QueueAsync(1, DeliveryLane.Reply, "talking");
        await DrainAsync(delivery, DeliveryLane.Reply);
        await burst;

        var order = _store.Platform.Sent.Select(m => m.Chat.ChatId).ToList();
        Assert.Equal(61, order.Count);
        Assert.InRange(order.IndexOf("talking0"), 0, 30);
    }

    [Fact]
    public async Task RetryAfter_FromThePlatform_IsWhenTheMessageIsTriedAgain()
    {
        _store.Platform.Respond = _ => SendResult.RateLimited(TimeSpan.FromSeconds(7));
        await QueueAsync(1, DeliveryLane.Scheduled);
        var delivery = Delivery(30, out var limiter);
        await using var _ = limiter;

        await delivery.DeliverBatchAsync(null, CancellationToken.None);

        var availableAt = await _store.InScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Outbox.Select(o => o.AvailableAt).SingleAsync());
        Assert.Equal(_store.Clock.GetUtcNow().AddSeconds(7), availableAt);
        Assert.Equal(0, await delivery.DeliverBatchAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task PermanentFailure_MarksThePersonUnreachable_AndDropsTheirQueue_NoRetryStorm()
    {
        await _store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(
            new InboundMessage(new ChatAddress(Platform.Telegram, "c0"), "u0", "1", _store.Clock.GetUtcNow(), "/checkin", null),
            CancellationToken.None));
        _store.Platform.Respond = _ => SendResult.NotReachable("blocked");
        var delivery = Delivery(30, out var limiter);
        await using var _ = limiter;

        await DrainAsync(delivery, null);

        Assert.Empty(_store.Platform.Sent);
        Assert.Equal(0, await CountAsync(q => q.Where(o => o.Status == OutboxStatus.Pending)));
        Assert.False(await _store.InScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Identities.Select(i => i.Reachable).SingleAsync()));
    }

    [Fact]
    public async Task AMessageWaitingForARetry_HoldsBackTheRestOfItsChat_WhileOtherChatsGoOn()
    {
        var refused = false;
        _store.Platform.Respond = m =>
        {
            if (m.Text == "x 0" && !refused)
            {
                refused = true;
                return SendResult.Later(null, "flaky");
            }

            return SendResult.Sent;
        };
        await QueueInChatAsync("x", 3);
        await QueueInChatAsync("y", 1);
        var delivery = Delivery(100, out var limiter);
        await using var _ = limiter;

        await DrainAsync(delivery, null);
        Assert.Equal(["y 0"], SentTexts());

        _store.Clock.Advance(OutboxDelivery.Backoff(1) + TimeSpan.FromSeconds(1));
        await DrainAsync(delivery, null);

        Assert.Equal(["y 0", "x 0", "x 1", "x 2"], SentTexts());
        Assert.Equal(0, await CountAsync(q => q.Where(o => o.Status != OutboxStatus.Sent)));
    }

    [Fact]
    public async Task AChatWhoseFirstMessageIsLeasedByADeadWorker_IsLeftAlone_UntilTheLeaseRunsOut_ThenGoesInOrder()
    {
        await QueueInChatAsync("x", 3, leasedUntil: _store.Clock.GetUtcNow().AddSeconds(10));
        await QueueInChatAsync("y", 1);
        var delivery = Delivery(100, out var limiter);
        await using var _ = limiter;

        await DrainAsync(delivery, null);
        Assert.Equal(["y 0"], SentTexts());

        _store.Clock.Advance(TimeSpan.FromSeconds(11));
        await DrainAsync(delivery, null);

        Assert.Equal(["y 0", "x 0", "x 1", "x 2"], SentTexts());
    }

    [Fact]
    public async Task ASlowSend_KeepsItsChatLeased_PastTheLease_SoAnotherWorkerDoesNotSendItAgain()
    {
        var lease = TimeSpan.FromSeconds(3);
        using var inSend = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        _store.Platform.Respond = m =>
        {
            if (m.Text == "x 0")
            {
                inSend.Release();
                release.Wait();
            }

            return SendResult.Sent;
        };
        await QueueInChatAsync("x", 2);
        var first = Delivery(100, out var limiter, lease);
        var second = Delivery(100, out var otherLimiter, lease);
        await using var _ = limiter;
        await using var __ = otherLimiter;

        var slow = Task.Run(() => first.DeliverBatchAsync(null, CancellationToken.None));
        await inSend.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 4; i++)
        {
            // Past the lease, a third of it at a time: the renewal keeps the rows ours.
            _store.Clock.Advance(lease / 3);
            await Eventually.TrueAsync(
                () => _store.InScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Outbox.AsNoTracking()
                    .AllAsync(o => o.LeaseUntil >= _store.Clock.GetUtcNow() + lease)).GetAwaiter().GetResult(),
                "the lease renewed");

            // Let the renewal wait for its next turn before the clock moves again.
            await Task.Delay(100);
        }

        var claimedBySecond = await second.DeliverBatchAsync(null, CancellationToken.None);
        release.Release();
        await slow;

        Assert.Equal(0, claimedBySecond);
        Assert.Equal(["x 0", "x 1"], SentTexts());
    }
}
