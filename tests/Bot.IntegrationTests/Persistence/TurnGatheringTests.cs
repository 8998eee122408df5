using Bot.Adapters.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Persistence;

/// <summary>
/// Group commit with two slots on PostgreSQL: while one batch commits, a free slot waits (up to a limit) for as many turns
/// as the last batch carried, and never waits when nothing else is committing.
/// </summary>
public sealed class TurnGatheringTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task WhileAnotherBatchCommits_AFreeSlotWaitsForAsManyTurnsAsTheLastBatchCarried()
    {
        await using var scene = await LastBatchCarriedThreeWhileAnotherCommitsAsync(gatherAtMost: Long);
        var (driver, held) = (scene.Driver, scene.Held);

        var p4 = driver.GreetAsync("p4");
        await Task.Delay(150);
        var p5 = driver.GreetAsync("p5");
        await Task.Delay(150);
        Assert.False(p4.IsCompleted);
        var p6 = driver.GreetAsync("p6");

        Assert.All(await Task.WhenAll(p4, p5, p6).WaitAsync(TimeSpan.FromSeconds(30)), Assert.True);
        Assert.Equal(1, await driver.TransactionsOfAsync("p4", "p5", "p6"));
        held.SetResult();
    }

    [Fact]
    public async Task AWaitingTurn_StartsAtOnce_WhenNothingElseIsCommitting()
    {
        await using var scene = await LastBatchCarriedThreeWhileAnotherCommitsAsync(gatherAtMost: Long);
        var (driver, held) = (scene.Driver, scene.Held);

        var p4 = driver.GreetAsync("p4");
        await Task.Delay(300);
        Assert.False(p4.IsCompleted);
        held.SetResult();

        Assert.True(await p4.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AWaitingTurn_WaitsNoLongerThanTheLimit()
    {
        await using var scene = await LastBatchCarriedThreeWhileAnotherCommitsAsync(gatherAtMost: TimeSpan.FromMilliseconds(500));
        var (driver, held) = (scene.Driver, scene.Held);

        var started = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(await driver.GreetAsync("p4").WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(30));
        held.SetResult();
    }

    [Fact]
    public async Task WithNoGathering_ATurnStartsAtOnce()
    {
        await using var scene = await LastBatchCarriedThreeWhileAnotherCommitsAsync(gatherAtMost: TimeSpan.Zero);
        var (driver, held) = (scene.Driver, scene.Held);

        Assert.True(await driver.GreetAsync("p4").WaitAsync(TimeSpan.FromSeconds(30)));
        held.SetResult();
    }

    /// <summary>
    /// A store with two slots and the given gathering limit, one slot taken by a batch of two turns waiting for the scene's
    /// gate, after three people's turns committed together in the other: the next turn meets a free slot, a batch still
    /// committing, and a last batch of three.
    /// </summary>
    private static async Task<Scene> LastBatchCarriedThreeWhileAnotherCommitsAsync(TimeSpan gatherAtMost)
    {
        var store = await StoreUnderTest.CreateAsync(StoreProvider.Postgres, s => s.Configure<StorageOptions>(o =>
        {
            o.TurnBatchConcurrency = 2;
            o.TurnBatchGatherAtMost = gatherAtMost;
        }));
        var driver = new TurnBatchDriver(store);
        var (first, firstTurn) = await driver.HoldASlotAsync("a0", "hi");
        var (second, secondTurn) = await driver.HoldASlotAsync("b0", "hi");
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pair = driver.HoldAsync(held.Task, "hi", "c1", "c2");
        await Task.Delay(200);
        second.SetResult();
        Assert.True(await secondTurn);
        await pair;

        var three = new[] { "p1", "p2", "p3" }.Select(driver.GreetAsync).ToArray();
        await Task.Delay(200);
        first.SetResult();
        Assert.True(await firstTurn);
        Assert.All(await Task.WhenAll(three), Assert.True);
        Assert.Equal(1, await driver.TransactionsOfAsync("p1", "p2", "p3"));
        return new Scene(store, driver, held);
    }

    /// <summary>The store, a driver for it, and the gate of the batch that keeps one slot taken.</summary>
    private sealed record Scene(StoreUnderTest Store, TurnBatchDriver Driver, TaskCompletionSource Held) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Store.DisposeAsync();
    }
}
