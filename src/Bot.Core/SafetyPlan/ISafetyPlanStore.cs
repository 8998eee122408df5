namespace Bot.Core.SafetyPlan;

/// <summary>
/// Safety plans, encrypted at rest. A turn changes one with <see cref="Persistence.SaveSafetyPlan"/> or
/// <see cref="Persistence.DeleteSafetyPlan"/>.
/// </summary>
public interface ISafetyPlanStore
{
    Task<PersonalSafetyPlan?> FindAsync(Guid personId, CancellationToken cancellationToken);
}
