namespace Bot.Adapters.Discord;

/// <summary>One async lock per key, removed when nobody holds or waits for it. Waiters are served in the order they asked.</summary>
internal sealed class KeyedLocks
{
    private readonly Dictionary<string, Entry> _entries = [];

    /// <summary>Queues for the key now (so order is the order of calls); the task completes when the lock is held.</summary>
    public Task<IDisposable> Enter(string key)
    {
        Entry entry;
        Task previous;
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
            previous = entry.Tail;
            entry.Tail = mine.Task;
        }

        return WaitAsync(previous, new Releaser(this, key, entry, mine));
    }

    private static async Task<IDisposable> WaitAsync(Task previous, Releaser releaser)
    {
        await previous;
        return releaser;
    }

    private void Release(string key, Entry entry, TaskCompletionSource mine)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }

        mine.SetResult();
    }

    private sealed class Entry
    {
        public int Users;
        public Task Tail = Task.CompletedTask;
    }

    private sealed class Releaser(KeyedLocks owner, string key, Entry entry, TaskCompletionSource mine) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key, entry, mine);
            }
        }
    }
}
