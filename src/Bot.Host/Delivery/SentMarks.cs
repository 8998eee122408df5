using Bot.Core.Persistence;

namespace Bot.Host.Delivery;

/// <summary>
/// The "sent" marks of one delivery round, written together: one statement for many messages instead of one each. They
/// are written at the latest <see cref="MarkWithin"/> after the first unwritten one, and at the end of the round, so if the
/// bot dies, what may be sent again is only what went out in that moment (the outbox's promise: at least once).
/// </summary>
internal sealed class SentMarks(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MarkWithin = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private List<long> _unwritten = [];
    private long _firstUnwrittenAt;

    public async Task AddAsync(long id, CancellationToken cancellationToken)
    {
        List<long>? due = null;
        lock (_gate)
        {
            if (_unwritten.Count == 0)
            {
                _firstUnwrittenAt = clock.GetTimestamp();
            }

            _unwritten.Add(id);
            if (clock.GetElapsedTime(_firstUnwrittenAt) >= MarkWithin)
            {
                due = Take();
            }
        }

        if (due is not null)
        {
            await WriteAsync(due, cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        List<long> due;
        lock (_gate)
        {
            due = Take();
        }

        await WriteAsync(due, cancellationToken);
    }

    private List<long> Take()
    {
        var taken = _unwritten;
        _unwritten = [];
        return taken;
    }

    private async Task WriteAsync(List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutboxStore>().MarkSentAsync(ids, clock.GetUtcNow(), cancellationToken);
    }
}
