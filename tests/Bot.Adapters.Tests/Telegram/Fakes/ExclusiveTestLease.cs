using Bot.Adapters.Telegram;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>An in-memory stand-in for the PostgreSQL advisory lock: one holder at a time across the pollers sharing it.</summary>
public sealed class ExclusiveTestLease : IPollerLease
{
    private int _held;

    public bool Granting { get; set; } = true;

    public int Grants;

    public int Attempts;

    /// <summary>The next acquisitions throw, like a database that is away.</summary>
    public int FailuresLeft;

    public Task<IPollerLeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Attempts);
        if (Interlocked.Decrement(ref FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("Simulated database outage.");
        }

        if (!Granting || Interlocked.CompareExchange(ref _held, 1, 0) != 0)
        {
            return Task.FromResult<IPollerLeaseHandle?>(null);
        }

        Interlocked.Increment(ref Grants);
        return Task.FromResult<IPollerLeaseHandle?>(new Handle(this));
    }

    private sealed class Handle(ExclusiveTestLease lease) : IPollerLeaseHandle
    {
        public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public ValueTask DisposeAsync()
        {
            Interlocked.Exchange(ref lease._held, 0);
            return ValueTask.CompletedTask;
        }
    }
}
