namespace Bot.Core.SafetyPlan;

/// <summary>
/// Safety plans, encrypted at rest. Called inside a turn (it shares the turn's transaction), and by /export and /forget.
/// </summary>
public interface ISafetyPlanStore
{
    Task<PersonalSafetyPlan?> FindAsync(Guid personId, CancellationToken cancellationToken);

    Task SaveAsync(Guid personId, PersonalSafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken);

    /// <returns>False when there was no plan.</returns>
    Task<bool> DeleteAsync(Guid personId, CancellationToken cancellationToken);
}
