using Bot.Core.Community;
using Bot.Core.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Core.Tests.Community;

public sealed class CommunityPostDispatcherTests
{
    private static readonly ChatAddress Berlin = new(Platform.Discord, "channel:500000000000000009");

    private readonly InMemoryCommunityStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly CountingSignal _signal = new();

    private CommunityPostDispatcher Dispatcher => new(_store, [new EnabledPlatform(Platform.Discord)], _clock, NullLogger<CommunityPostDispatcher>.Instance, _signal);

    private IEnumerable<CommunityPost> Posts => _store.Outbox.Select(m => m.CommunityPost!);

    private Task<int> RunAsync() => Dispatcher.PostDueAsync(CancellationToken.None);

    private Task SetUpAsync(string time, string zone = "Europe/Berlin", DateOnly? postedOn = null) =>
        _store.SaveChannelAsync(new CommunityChannel(Berlin, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone), postedOn, _clock.GetUtcNow(), CancellationToken.None);

    [Fact]
    public async Task PostDue_PostsAtTheLocalTime_OncePerLocalDay()
    {
        await SetUpAsync("09:00");

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 59, 0, TimeSpan.Zero)); // 08:59 in Berlin
        Assert.Equal(0, await RunAsync());

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)); // 09:00 in Berlin
        Assert.Equal(1, await RunAsync());
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await RunAsync());
        _clock.Advance(TimeSpan.FromHours(14)); // 23:01, same local day
        Assert.Equal(0, await RunAsync());

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RunAsync());

        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)], Posts.Select(p => p.Day));
    }

    [Fact]
    public async Task PostDue_UsesTheChannelsZone_NotUtc()
    {
        await SetUpAsync("09:00", "Asia/Tokyo");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)); // 09:00 in Tokyo

        Assert.Equal(1, await RunAsync());
        Assert.Equal(new DateOnly(2026, 11, 24), Posts.Single().Day);
    }

    [Fact]
    public async Task PostDue_OnSpringForward_ATimeThatDoesNotExistPostsRightAfterTheJump()
    {
        // Berlin, 29 March 2026: at 01:00 UTC the clocks go from 02:00 to 03:00, so 02:30 never happens.
        await SetUpAsync("02:30", postedOn: new DateOnly(2026, 3, 28));

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero)); // 01:59 local
        Assert.Equal(0, await RunAsync());
        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)); // 03:00 local
        Assert.Equal(1, await RunAsync());
        _clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await RunAsync());
    }

    [Fact]
    public async Task PostDue_OnFallBack_TheRepeatedHourPostsOnlyOnce()
    {
        // Berlin, 25 October 2026: 02:00-03:00 local happens twice (00:00-01:00 UTC in summer time, 01:00-02:00 UTC after).
        await SetUpAsync("02:30", postedOn: new DateOnly(2026, 10, 24));

        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)); // 02:30 summer time
        Assert.Equal(1, await RunAsync());
        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)); // 02:30 again, winter time
        Assert.Equal(0, await RunAsync());

        _clock.SetUtcNow(new DateTimeOffset(2026, 10, 26, 1, 30, 0, TimeSpan.Zero)); // next day 02:30 winter time
        Assert.Equal(1, await RunAsync());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(9, 9)]
    public async Task PostDue_ShowsThePreviousPostsCount_OnlyFromFive(int answered, int? shown)
    {
        await SetUpAsync("09:00", postedOn: new DateOnly(2026, 11, 23));
        for (var i = 0; i < answered; i++)
        {
            await _store.RecordAnswerAsync(Berlin, new DateOnly(2026, 11, 23), $"user-{i}", CancellationToken.None);
        }

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        await RunAsync();

        Assert.Equal(shown, Posts.Single().AnsweredSinceLastPost);
        Assert.Equal(0, _store.AnswerRows);
    }

    [Fact]
    public async Task PostDue_QueuesThePostInTheOutboxForItsChannel_WakesDelivery_AndNeverSendsItself()
    {
        await SetUpAsync("09:00", postedOn: new DateOnly(2026, 11, 23));
        await _store.RecordAnswerAsync(Berlin, new DateOnly(2026, 11, 23), "user-1", CancellationToken.None);
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await RunAsync());

        var queued = Assert.Single(_store.Outbox);
        Assert.Equal((Berlin, new DateOnly(2026, 11, 24)), (queued.Chat, queued.CommunityPost!.Day));
        Assert.Equal(new DateOnly(2026, 11, 24), _store.Channels.Single().LastPostedOn);
        Assert.Equal(0, _store.AnswerRows); // yesterday's answers are forgotten once today's post is queued
        Assert.Equal(1, _signal.Notified);
    }

    [Fact]
    public async Task PostDue_SkipsPlatformsThatAreNotEnabled()
    {
        await _store.SaveChannelAsync(new CommunityChannel(new ChatAddress(Platform.Telegram, "-100200"), new TimeOnly(6, 0), "UTC"), null, _clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(0, await RunAsync());
        Assert.Null(_store.Channels.Single().LastPostedOn);
    }

    [Fact]
    public async Task PostDue_AChannelWithAnUnknownZone_DoesNotStopTheOthers()
    {
        await _store.SaveChannelAsync(new CommunityChannel(new ChatAddress(Platform.Discord, "channel:1"), new TimeOnly(0, 0), "Nowhere/Gone"), null, _clock.GetUtcNow(), CancellationToken.None);
        await SetUpAsync("09:00");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await RunAsync());
        Assert.Equal(Berlin, _store.Outbox.Single().Chat);
    }

    [Fact]
    public void ServedAtSetup_TodayCountsAsServedOnlyOnceItsTimeHasPassed()
    {
        var now = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero); // 11:00 in Berlin
        Assert.Equal(new DateOnly(2026, 11, 24), CommunitySchedule.ServedAtSetup(new CommunityChannel(Berlin, new TimeOnly(9, 0), "Europe/Berlin"), now));
        Assert.Null(CommunitySchedule.ServedAtSetup(new CommunityChannel(Berlin, new TimeOnly(12, 0), "Europe/Berlin"), now));
    }

    private sealed class CountingSignal : IOutboxSignal
    {
        public int Notified { get; private set; }

        public void Notify() => Notified++;

        public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
