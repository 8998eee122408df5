using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramPollerLeaseTests
{
    [Fact]
    public async Task TwoReplicas_OnlyTheLeaseHolderPolls_AndEveryUpdateIsHandledOnce()
    {
        await using var api = new FakeTelegramBotApi();
        var lease = new ExclusiveTestLease();
        await using var first = new TelegramTestHost(api, services: s => s.AddSingleton<IPollerLease>(lease));
        await using var second = new TelegramTestHost(api, services: s => s.AddSingleton<IPollerLease>(lease));
        await first.StartAsync();
        await second.StartAsync();

        for (var id = 1; id <= 5; id++)
        {
            api.Enqueue(Updates.Text(id, "okay"));
        }

        await Eventually.TrueAsync(() => api.ConfirmedOffset == 6, "all five updates are confirmed");
        var handled = first.Handler.Committed.Concat(second.Handler.Committed).Select(m => m.PlatformMessageId).ToList();
        Assert.Equal(["1", "2", "3", "4", "5"], handled);
        Assert.Equal(1, lease.Grants);
        Assert.False(api.SawConcurrentPolls);
    }

    [Fact]
    public async Task WithoutTheLease_NothingIsPolled_UntilItIsGranted()
    {
        await using var api = new FakeTelegramBotApi();
        var lease = new ExclusiveTestLease { Granting = false };
        await using var host = new TelegramTestHost(api, services: s => s.AddSingleton<IPollerLease>(lease));
        api.Enqueue(Updates.Text(1, "okay"));
        await host.StartAsync();

        // No getUpdates may happen while another replica holds the lease; the waiting poller keeps asking.
        await Eventually.TrueAsync(() => lease.Attempts >= 3, "the poller asks for the lease again and again");
        Assert.Empty(api.Calls);
        lease.Granting = true;

        await Eventually.TrueAsync(() => host.Handler.Committed.Count == 1, "polling starts once the lease is granted");
    }

    [Fact]
    public async Task LeaseStoreAway_ThePollerKeepsAsking_InsteadOfStoppingTheHost()
    {
        await using var api = new FakeTelegramBotApi();
        var lease = new ExclusiveTestLease { FailuresLeft = 3 };
        await using var host = new TelegramTestHost(api, services: s => s.AddSingleton<IPollerLease>(lease));
        api.Enqueue(Updates.Text(1, "okay"));
        await host.StartAsync();

        await Eventually.TrueAsync(() => host.Handler.Committed.Count == 1, "polling starts once the lease store is back");
        Assert.Equal(4, lease.Attempts);
        Assert.False(host.Get<TelegramPollingService>().ExecuteTask!.IsCompleted);
    }
}
