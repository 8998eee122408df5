using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

internal sealed class InMemorySafetyPlanStore : ISafetyPlanStore
{
    public Dictionary<Guid, PersonalSafetyPlan> Plans { get; } = [];

    public Task<PersonalSafetyPlan?> FindAsync(Guid personId, CancellationToken cancellationToken) =>
        Task.FromResult(Plans.GetValueOrDefault(personId));

    public Task SaveAsync(Guid personId, PersonalSafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Plans[personId] = plan;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(Guid personId, CancellationToken cancellationToken) => Task.FromResult(Plans.Remove(personId));
}
