namespace Bot.Core.Scheduling;

public interface ICheckInDispatchStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> schedules whose wake-up time has come (exclusive across replicas), calls
    /// <paramref name="decide"/> for each, and saves conversations, outbox messages and next wake-up times in one
    /// transaction: a crash before the commit leaves everything due; after it, nothing is claimed twice.
    /// </summary>
    /// <returns>How many schedules were claimed.</returns>
    Task<int> DispatchDueAsync(DateTimeOffset now, int max, Func<DueSchedule, DispatchResult> decide, CancellationToken cancellationToken);
}
