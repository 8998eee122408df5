namespace Bot.Core.Scheduling;

/// <summary>
/// Due check-ins in two calls with the decisions between them (claim -> decide -> save), like a turn: nothing here calls
/// back into Core.
/// </summary>
public interface ICheckInDispatchStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> schedules whose wake-up time has come, exclusive across claimers and replicas,
    /// with everything needed to decide about them. A claim is a lease: if its decision is never saved (a crash), the
    /// schedule is due again half a minute later, so nothing is lost; until then no one else claims it.
    /// </summary>
    Task<IReadOnlyList<DueSchedule>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the decision for each claimed schedule (same order) in one transaction: schedule, conversation, history and
    /// outbox. A person whose conversation changed since the claim (they were talking) keeps it: their schedule is due
    /// again at once and decided afresh in the next claim.
    /// </summary>
    Task SaveAsync(IReadOnlyList<DueSchedule> claimed, IReadOnlyList<DispatchResult> decisions, DateTimeOffset now, CancellationToken cancellationToken);
}
