using Bot.Core.Messaging;

namespace Bot.Core.Tests.Messaging;

public class FloodGuardTests
{
    private static readonly ChatAddress Chat = new(Platform.Telegram, "1");

    [Fact]
    public async Task Burst_PastTheLimit_IsSlowedNotDropped_WithOneNote()
    {
        using var guard = new FloodGuard(TimeProvider.System, burst: 3, perSecond: 100);

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => guard.WaitTurnAsync(Chat, CancellationToken.None)));

        Assert.Equal(3, verdicts.Count(v => v == FloodVerdict.Normal));
        Assert.Equal(7, verdicts.Count(v => v != FloodVerdict.Normal));
        Assert.Equal(1, verdicts.Count(v => v == FloodVerdict.SlowedFirstTime));
    }

    [Fact]
    public async Task OtherPeople_AreNotSlowedBySomeoneElsesBurst()
    {
        using var guard = new FloodGuard(TimeProvider.System, burst: 2, perSecond: 100);
        for (var i = 0; i < 5; i++)
        {
            await guard.WaitTurnAsync(Chat, CancellationToken.None);
        }

        Assert.Equal(FloodVerdict.Normal, await guard.WaitTurnAsync(new ChatAddress(Platform.Telegram, "2"), CancellationToken.None));
    }
}
