namespace Bot.Core.SafetyPlan;

/// <summary>A person's safety plan: their own lines per part. All of it is personal and encrypted at rest.</summary>
public sealed record PersonalSafetyPlan(IReadOnlyDictionary<SafetyPlanPart, IReadOnlyList<string>> Parts)
{
    public static readonly PersonalSafetyPlan Empty = new(new Dictionary<SafetyPlanPart, IReadOnlyList<string>>());

    public IReadOnlyList<string> this[SafetyPlanPart part] => Parts.TryGetValue(part, out var lines) ? lines : [];

    public bool IsEmpty => Parts.Values.All(lines => lines.Count == 0);

    public PersonalSafetyPlan With(SafetyPlanPart part, IReadOnlyList<string> lines) =>
        new(new Dictionary<SafetyPlanPart, IReadOnlyList<string>>(Parts) { [part] = lines });
}
