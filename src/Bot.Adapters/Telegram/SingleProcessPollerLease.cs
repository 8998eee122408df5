namespace Bot.Adapters.Telegram;

/// <summary>For a single process (SQLite, development): the lease is always granted.</summary>
public sealed class SingleProcessPollerLease : IPollerLease
{
    public Task<IPollerLeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IPollerLeaseHandle?>(Handle.Instance);

    private sealed class Handle : IPollerLeaseHandle
    {
        public static readonly Handle Instance = new();

        public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
