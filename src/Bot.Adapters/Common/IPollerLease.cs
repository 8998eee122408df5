namespace Bot.Adapters.Telegram;

/// <summary>Elects the one replica allowed to call getUpdates for this bot token (Telegram answers a second poller with 409).</summary>
public interface IPollerLease
{
    /// <summary>Null when another replica holds the lease; try again later.</summary>
    Task<IPollerLeaseHandle?> TryAcquireAsync(CancellationToken cancellationToken);
}
