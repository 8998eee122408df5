using Bot.Adapters.Discord;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordRequestGuardTests
{
    [Fact]
    public void InvalidRequestBudgetSpent_RefusesUntilTheWindowPasses()
    {
        var time = new FakeTimeProvider();
        var guard = new DiscordRequestGuard(time) { InvalidRequestBudget = 3 };
        for (var i = 0; i < 3; i++)
        {
            guard.RecordInvalid();
        }

        Assert.NotNull(guard.Refusal());

        time.Advance(DiscordRequestGuard.InvalidWindow);
        Assert.Null(guard.Refusal());
    }

    [Fact]
    public void AfterA401_RefusesEveryRequest()
    {
        var guard = new DiscordRequestGuard(new FakeTimeProvider());

        guard.MarkUnauthorized();

        Assert.Contains("401", guard.Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pause_HoldsUntilItsEnd()
    {
        var time = new FakeTimeProvider();
        var guard = new DiscordRequestGuard(time);

        guard.Pause(TimeSpan.FromSeconds(2), cloudflare: false);

        Assert.Equal(time.GetUtcNow() + TimeSpan.FromSeconds(2), guard.GlobalPauseUntil);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(guard.GlobalPauseUntil);
    }
}
