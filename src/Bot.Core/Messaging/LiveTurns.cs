namespace Bot.Core.Messaging;

/// <summary>
/// Counts the turns of people who are talking right now, so that background work (claiming a burst of due check-ins)
/// can step aside for them: a reply should not wait behind a batch of scheduled messages for the same two cores.
/// </summary>
public sealed class LiveTurns
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _quiet = NewQuiet(completed: true);
    private int _count;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Marks a turn as running until the returned handle is disposed.</summary>
    public IDisposable Begin()
    {
        lock (_gate)
        {
            if (_count++ == 0)
            {
                _quiet = NewQuiet(completed: false);
            }
        }

        return new Handle(this);
    }

    /// <summary>
    /// Completes when no turn is running, or after <paramref name="atMost"/> of real time at the latest (background work
    /// never starves). Real time, not the bot's clock: this is about sharing the processor now.
    /// </summary>
    public async Task WhenQuietAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        Task quiet;
        lock (_gate)
        {
            quiet = _quiet.Task;
        }

        if (!quiet.IsCompleted)
        {
            await Task.WhenAny(quiet, Task.Delay(atMost, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_count == 0)
            {
                _quiet.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewQuiet(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    private sealed class Handle(LiveTurns owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.End();
            }
        }
    }
}
