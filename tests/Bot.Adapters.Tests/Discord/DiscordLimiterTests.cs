using Bot.Adapters.Discord.Gateway;
using Bot.Adapters.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordLimiterTests
{
    [Fact]
    public void GatewaySendLimiter_OrdinarySends_StopAt115PerMinuteButHeartbeatsStillGo()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);

        for (var i = 0; i < GatewaySendLimiter.OrdinaryLimit; i++)
        {
            Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: false));
        }

        Assert.True(limiter.TryTake(heartbeat: false) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: true));

        time.Advance(GatewaySendLimiter.Window);
        Assert.Equal(TimeSpan.Zero, limiter.TryTake(heartbeat: false));
    }

    [Fact]
    public void GatewaySendLimiter_NeverAllowsMoreThan120InAWindow()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        var sent = 0;

        for (var i = 0; i < 500; i++)
        {
            if (limiter.TryTake(heartbeat: i % 2 == 0) == TimeSpan.Zero)
            {
                sent++;
            }
        }

        Assert.Equal(GatewaySendLimiter.Limit, sent);
    }

    [Fact]
    public async Task RestRateLimiter_InvalidRequestBudgetSpent_RefusesUntilTheWindowPasses()
    {
        var time = new FakeTimeProvider();
        var limiter = new RestRateLimiter(time) { InvalidRequestBudget = 3 };
        for (var i = 0; i < 3; i++)
        {
            limiter.RecordInvalid();
        }

        Assert.Null(await limiter.AcquireAsync("POST /channels/{channel_id}/messages", "1", false, CancellationToken.None));

        time.Advance(RestRateLimiter.InvalidWindow);
        using var lease = await limiter.AcquireAsync("POST /channels/{channel_id}/messages", "1", false, CancellationToken.None);
        Assert.NotNull(lease);
    }

    [Fact]
    public async Task RestRateLimiter_AfterA401_RefusesEveryRoute()
    {
        var limiter = new RestRateLimiter(new FakeTimeProvider());

        limiter.MarkUnauthorized();

        Assert.Null(await limiter.AcquireAsync("GET /gateway/bot", "", false, CancellationToken.None));
        Assert.Null(await limiter.AcquireAsync("POST /interactions/{id}/{token}/callback", "9", true, CancellationToken.None));
    }
}
