using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Bot.IntegrationTests.Persistence.TurnBatchDriver;

namespace Bot.IntegrationTests.Persistence;

/// <summary>
/// Someone who spoke a moment ago: their next turn decides on the rows their last one committed, without a read, and the
/// save still checks the version, so rows that moved on elsewhere cost a second decision, never a stale save.
/// </summary>
public sealed class RecentTurnRowsTests : PostgresTurnTests
{
    private TurnLoadBatcher Loads => Store.Services.GetRequiredService<TurnLoadBatcher>();

    private RecentTurnRows Recent => Store.Services.GetRequiredService<RecentTurnRows>();

    [Fact]
    public async Task TheNextTurnsOfSomeoneWhoJustSpoke_AreDecidedWithoutARead_OnWhatTheLastOneLeft()
    {
        var seen = new List<int>();
        var reads = Loads.Reads;

        foreach (var message in new[] { "m1", "m2", "m3" })
        {
            Assert.True(await Driver.RunAsync(Request("p1", message), context =>
            {
                seen.Add(context.Conversation.Attempts);
                return Task.FromResult(Count(context));
            }));
        }

        Assert.Equal(new[] { 0, 1, 2 }, seen);
        Assert.Equal(1, Loads.Reads - reads);
        Assert.Equal(2, Recent.Hits);
        Assert.Equal(3, await AttemptsAsync());
    }

    [Fact]
    public async Task RowsThatMovedOnElsewhere_AreDecidedAgainOnTheDatabasesRows_NeverSavedOver()
    {
        Assert.True(await Driver.RunAsync(Request("p1", "m1"), context => Task.FromResult(Count(context))));

        // Another replica's turn: the conversation moved on (version and state) behind this process's back.
        await Driver.DbAsync(async db =>
        {
            var row = await db.Conversations.SingleAsync();
            row.StateJson = StateJson.Write(StateJson.Read<Conversation>(row.StateJson) with { Attempts = 10 });
            row.Version++;
            return await db.SaveChangesAsync();
        });

        var seen = new List<int>();
        Assert.True(await Driver.RunAsync(Request("p1", "m2"), context =>
        {
            seen.Add(context.Conversation.Attempts);
            return Task.FromResult(Count(context));
        }));

        Assert.Equal(new[] { 1, 10 }, seen);
        Assert.Equal(11, await AttemptsAsync());
        Assert.Equal(2, await Driver.DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task AMessageRedeliveredToSomeoneWhoseRowsAreKept_IsSavedAndAnsweredOnce()
    {
        Assert.True(await Driver.GreetAsync("p1"));

        Assert.False(await Driver.GreetAsync("p1"));

        Assert.Equal(1, Recent.Hits);
        Assert.Equal(1, await Driver.DbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await Driver.DbAsync(db => db.History.CountAsync()));
    }

    [Fact]
    public async Task ATurnThatKeepsOwnWords_LeavesNothingKept_SoTheNextTurnReadsThem()
    {
        Assert.True(await Driver.RunAsync(Request("p1", "m1"), context =>
            Task.FromResult(Say(context, "noted") with { KeepOwnWords = "one thing at a time" })));
        var reads = Loads.Reads;

        IReadOnlyList<string> words = [];
        Assert.True(await Driver.RunAsync(Request("p1", "m2"), context =>
        {
            words = context.OwnWords;
            return Task.FromResult(Quiet(context));
        }));

        Assert.Equal(0, Recent.Hits);
        Assert.Equal(1, Loads.Reads - reads);
        Assert.Equal(["one thing at a time"], words);
    }

    [Fact]
    public async Task SwitchedOff_EveryTurnIsRead()
    {
        await Store.DisposeAsync();
        Use(await StoreUnderTest.CreateAsync(
            StoreProvider.Postgres, services => services.Configure<StorageOptions>(o => o.RecentTurnRows = 0)));
        var reads = Loads.Reads;

        Assert.True(await Driver.RunAsync(Request("p1", "m1"), context => Task.FromResult(Count(context))));
        Assert.True(await Driver.RunAsync(Request("p1", "m2"), context => Task.FromResult(Count(context))));

        Assert.Equal(2, Loads.Reads - reads);
        Assert.Equal(0, Recent.Hits);
        Assert.Equal(2, await AttemptsAsync());
    }

    [Fact]
    public async Task KeptRowsPastTheirTime_AreReadAgain()
    {
        await Store.DisposeAsync();
        Use(await StoreUnderTest.CreateAsync(
            StoreProvider.Postgres, services => services.Configure<StorageOptions>(o => o.RecentTurnRowsFor = TimeSpan.FromMilliseconds(200))));
        Assert.True(await Driver.RunAsync(Request("p1", "m1"), context => Task.FromResult(Count(context))));
        var reads = Loads.Reads;

        await Task.Delay(TimeSpan.FromMilliseconds(400));
        Assert.True(await Driver.RunAsync(Request("p1", "m2"), context => Task.FromResult(Count(context))));

        Assert.Equal(1, Loads.Reads - reads);
        Assert.Equal(0, Recent.Hits);
        Assert.Equal(2, await AttemptsAsync());
    }

    private async Task<int> AttemptsAsync() =>
        StateJson.Read<Conversation>(await Driver.DbAsync(db => db.Conversations.Select(c => c.StateJson).SingleAsync())).Attempts;
}
