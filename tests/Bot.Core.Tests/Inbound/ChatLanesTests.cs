using System.Collections.Concurrent;
using Bot.Core.Inbound;

namespace Bot.Core.Tests.Inbound;

/// <summary>The one per-chat ordering both adapters use: Discord's pushed events (Enter) and Telegram's polled batches (RunAsync).</summary>
public sealed class ChatLanesTests
{
    [Fact]
    public async Task Enter_OneLane_TurnsComeInTheOrderTheyWereAskedFor_AndTheLaneIsForgottenWhenIdle()
    {
        var lanes = new ChatLanes();
        var first = lanes.Enter("chat-a");
        var second = lanes.Enter("chat-a");
        var third = lanes.Enter("chat-a");

        var held = await first;
        Assert.False(second.IsCompleted);
        held.Dispose();
        held.Dispose(); // twice is harmless: the next turn is not skipped
        using (await second)
        {
            Assert.False(third.IsCompleted);
        }

        (await third).Dispose();
        Assert.Equal(0, lanes.Count);
    }

    [Fact]
    public async Task Enter_TwoLanes_DoNotWaitForEachOther()
    {
        var lanes = new ChatLanes();
        using var a = await lanes.Enter("chat-a");

        var b = lanes.Enter("chat-b");

        Assert.True(b.IsCompleted);
        (await b).Dispose();
        Assert.Equal(1, lanes.Count);
    }

    [Fact]
    public async Task RunAsync_OneLaneInBatchOrder_WhileAnotherLaneGoesOn()
    {
        var events = new ConcurrentQueue<string>();
        var bDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        (string Lane, int Id)[] batch = [("a", 1), ("b", 2), ("a", 3), ("b", 4)];

        await ChatLanes.RunAsync(batch, u => u.Lane, 4, async (u, token) =>
        {
            events.Enqueue($"{u.Lane} start {u.Id}");
            if (u.Id == 1)
            {
                await bDone.Task.WaitAsync(TimeSpan.FromSeconds(10), token); // a's first is slow: b must not wait for it
            }

            events.Enqueue($"{u.Lane} end {u.Id}");
            if (u.Id == 4)
            {
                bDone.TrySetResult();
            }
        }, CancellationToken.None);

        Assert.Equal(["a start 1", "a end 1", "a start 3", "a end 3"], events.Where(e => e.StartsWith('a')));
        Assert.Equal(["b start 2", "b end 2", "b start 4", "b end 4"], events.Where(e => e.StartsWith('b')));
    }

    [Fact]
    public async Task RunAsync_AFailure_StopsTheRestAndIsThrown()
    {
        var ran = new ConcurrentBag<int>();
        (string Lane, int Id)[] batch = [("a", 1), ("a", 2)];

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ChatLanes.RunAsync(batch, u => u.Lane, 2, (u, _) =>
        {
            ran.Add(u.Id);
            return u.Id == 1 ? throw new InvalidOperationException("poison") : Task.CompletedTask;
        }, CancellationToken.None));

        Assert.Equal("poison", failure.Message);
        Assert.Equal([1], ran);
    }
}
