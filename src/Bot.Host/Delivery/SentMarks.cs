using Bot.Core.Persistence;

namespace Bot.Host.Delivery;

/// <summary>
/// The "sent" marks of this process, written together: one statement for many messages instead of one each, at the latest
/// <see cref="MarkWithin"/> after the first unwritten one. A mark that cannot be written (the database is away) is kept and
/// written again before this process claims anything, so a message the platform took is never claimed and sent again here.
/// If the process dies, what may be sent again is only what went out in the last moment (the outbox's promise: at least once).
/// </summary>
public sealed partial class SentMarks(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SentMarks> logger)
{
    public static readonly TimeSpan MarkWithin = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private List<long> _unwritten = [];
    private long _firstUnwrittenAt;

    /// <summary>Marks not yet in the store.</summary>
    public int Unwritten
    {
        get
        {
            lock (_gate)
            {
                return _unwritten.Count;
            }
        }
    }

    /// <summary>Records a sent message; writes the marks when they are due. A failed write is kept for later, never thrown.</summary>
    public async Task AddAsync(long id, CancellationToken cancellationToken)
    {
        bool due;
        lock (_gate)
        {
            if (_unwritten.Count == 0)
            {
                _firstUnwrittenAt = clock.GetTimestamp();
            }

            _unwritten.Add(id);
            due = clock.GetElapsedTime(_firstUnwrittenAt) >= MarkWithin;
        }

        if (due)
        {
            await TryFlushAsync(cancellationToken);
        }
    }

    /// <returns>Whether every mark is now in the store.</returns>
    public async Task<bool> TryFlushAsync(CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await WriteAllAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMarksKept(logger, ex, Unwritten);
            return false;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Writes every kept mark, then runs <paramref name="claim"/>; throws if the marks cannot be written. The claim runs
    /// outside the write gate: a mark added meanwhile belongs to a message its sender still holds a lease on, which no claim
    /// takes, and one lane's slow claim must not hold up the other lane's claims and marks.
    /// </summary>
    public async Task<T> AfterFlushAsync<T>(Func<Task<T>> claim, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await WriteAllAsync(cancellationToken);
        }
        finally
        {
            _writing.Release();
        }

        return await claim();
    }

    private async Task WriteAllAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        lock (_gate)
        {
            due = _unwritten;
            _unwritten = [];
        }

        if (due.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IOutboxStore>().MarkSentAsync(due, clock.GetUtcNow(), cancellationToken);
        }
        catch
        {
            lock (_gate)
            {
                if (_unwritten.Count == 0)
                {
                    _firstUnwrittenAt = clock.GetTimestamp();
                }

                _unwritten.InsertRange(0, due);
            }

            throw;
        }
    }

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "{Count} sent marks could not be written; they are kept and written before anything else is claimed")]
    private static partial void LogMarksKept(ILogger logger, Exception exception, int count);
}
