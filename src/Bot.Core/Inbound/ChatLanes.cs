namespace Bot.Core.Inbound;

/// <summary>
/// The one way inbound updates keep their chat's order, on every platform: an update takes its place in its chat's lane
/// when it arrives and runs once the update before it in that lane is done; different chats run side by side. Pushed
/// events (Discord) take a place with <see cref="Enter"/>; a polled batch (Telegram) runs with <see cref="RunAsync"/>.
/// Outgoing order is the outbox's (it claims a chat's rows in order).
/// </summary>
public sealed class ChatLanes
{
    private readonly Dictionary<string, Lane> _lanes = [];

    /// <summary>How many lanes are in use (held or waited for); an idle lane is forgotten.</summary>
    public int Count
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Takes the next place in the lane now (so order is the order of calls); completes when it is this caller's turn.</summary>
    public Task<IDisposable> Enter(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Lane lane;
        Task previous;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(key, out lane!))
            {
                lane = new Lane();
                _lanes[key] = lane;
            }

            lane.Users++;
            previous = lane.Tail;
            lane.Tail = mine.Task;
        }

        return WaitAsync(previous, new Turn(this, key, lane, mine));
    }

    /// <summary>
    /// Runs a batch: the items of one lane one after another in batch order, different lanes side by side, at most
    /// <paramref name="concurrency"/> items at a time. The first failure stops the rest and is thrown; so is cancellation,
    /// and the caller must then confirm nothing of the batch.
    /// </summary>
    public static async Task RunAsync<T>(
        IReadOnlyList<T> batch,
        Func<T, string> laneOf,
        int concurrency,
        Func<T, CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        var lanes = new ChatLanes();
        using var slots = new SemaphoreSlim(concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // Every place is taken before anything runs, in batch order.
        var turns = batch.Select(item => (Item: item, Turn: lanes.Enter(laneOf(item)))).ToList();
        await Task.WhenAll(turns.Select(t => RunInTurnAsync(t.Item, t.Turn)));

        async Task RunInTurnAsync(T item, Task<IDisposable> turn)
        {
            using var held = await turn;
            await slots.WaitAsync(stop.Token);
            try
            {
                await process(item, stop.Token);
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static async Task<IDisposable> WaitAsync(Task previous, Turn turn)
    {
        await previous;
        return turn;
    }

    private void Leave(string key, Lane lane, TaskCompletionSource mine)
    {
        lock (_lanes)
        {
            if (--lane.Users == 0)
            {
                _lanes.Remove(key);
            }
        }

        mine.SetResult();
    }

    private sealed class Lane
    {
        public int Users;
        public Task Tail = Task.CompletedTask;
    }

    private sealed class Turn(ChatLanes owner, string key, Lane lane, TaskCompletionSource mine) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(key, lane, mine);
            }
        }
    }
}
