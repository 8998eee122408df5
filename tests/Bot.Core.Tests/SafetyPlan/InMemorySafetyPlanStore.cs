using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

internal sealed class InMemorySafetyPlanStore : ISafetyPlanStore
{
    public Dictionary<Guid, PersonalSafetyPlan> Plans { get; } = [];

    public Task<PersonalSafetyPlan?> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        Task.FromResult(Plans.GetValueOrDefault(personId));

    /// <summary>What a saved turn's writes do to the plan, as the real store applies them.</summary>
    public void Apply(Guid personId, IEnumerable<Bot.Core.Persistence.TurnWrite> writes)
    {
        foreach (var write in writes)
        {
            if (write is Bot.Core.Persistence.SaveSafetyPlan save)
            {
                Plans[personId] = save.Plan;
            }
            else if (write is Bot.Core.Persistence.DeleteSafetyPlan)
            {
                Plans.Remove(personId);
            }
        }
    }
}
