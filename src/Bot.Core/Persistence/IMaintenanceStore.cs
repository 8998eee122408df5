namespace Bot.Core.Persistence;

public interface IMaintenanceStore
{
    /// <summary>Removes bookkeeping that has done its job: dedupe markers and delivered outbox rows older than the cut-off.</summary>
    Task<int> PurgeBookkeepingAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);
}
