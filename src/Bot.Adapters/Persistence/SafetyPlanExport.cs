using Bot.Core.SafetyPlan;

namespace Bot.Adapters.Persistence;

/// <summary>The safety plan as /export gives it: the parts by name, in the person's own words, decrypted.</summary>
internal static class SafetyPlanExport
{
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>?> ReadAsync(
        BotDbContext db, FreeTextProtector protector, Guid personId, CancellationToken ct)
    {
        var plan = await new EfSafetyPlanStore(db, protector).FindAsync(personId, ct);
        return plan?.Parts.OrderBy(p => p.Key).ToDictionary(p => char.ToLowerInvariant(p.Key.ToString()[0]) + p.Key.ToString()[1..], p => p.Value);
    }
}
