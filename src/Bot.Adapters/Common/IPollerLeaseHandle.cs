namespace Bot.Adapters.Telegram;

/// <summary>A held lease; disposing it releases the lease.</summary>
public interface IPollerLeaseHandle : IAsyncDisposable
{
    /// <summary>False once the lease is gone (for example the database connection holding it dropped).</summary>
    Task<bool> StillHeldAsync(CancellationToken cancellationToken);
}
