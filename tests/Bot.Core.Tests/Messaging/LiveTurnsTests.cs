using Bot.Core.Messaging;

namespace Bot.Core.Tests.Messaging;

public sealed class LiveTurnsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WithNoTurnRunning_BackgroundWorkGoesOnAtOnce()
    {
        var turns = new LiveTurns();

        await turns.WhenQuietAsync(Long, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(0, turns.Count);
    }

    [Fact]
    public async Task WhileTurnsRun_BackgroundWorkWaits_UntilTheLastOneEnds()
    {
        var turns = new LiveTurns();
        var first = turns.Begin();
        var second = turns.Begin();

        var waiting = turns.WhenQuietAsync(Long, CancellationToken.None);
        first.Dispose();
        first.Dispose();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, turns.Count);

        second.Dispose();
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, turns.Count);
    }

    [Fact]
    public async Task ATurnThatNeverEnds_HoldsBackgroundWorkOnlyForTheLimit()
    {
        var turns = new LiveTurns();
        using var stuck = turns.Begin();

        await turns.WhenQuietAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, turns.Count);
    }

    [Fact]
    public async Task AfterAQuietMoment_TheNextTurnHoldsBackgroundWorkAgain()
    {
        var turns = new LiveTurns();
        turns.Begin().Dispose();
        using var next = turns.Begin();

        var waiting = turns.WhenQuietAsync(Long, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(waiting.IsCompleted);
    }
}
