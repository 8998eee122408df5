using System.Text.Json;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.SafetyPlan;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Safety plans on the turn's DbContext (so a turn's read and write share its transaction), encrypted whole.</summary>
public sealed class EfSafetyPlanStore(BotDbContext db, FreeTextProtector protector) : ISafetyPlanStore
{
    public async Task<PersonalSafetyPlan?> FindAsync(Guid personId, CancellationToken cancellationToken)
    {
        var row = await db.Set<SafetyPlanRow>().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        return row is null ? null : Read(protector.Unprotect(row.Plan));
    }

    public async Task SaveAsync(Guid personId, PersonalSafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var set = db.Set<SafetyPlanRow>();
        var row = await set.SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (row is null)
        {
            row = new SafetyPlanRow { PersonId = personId, CreatedAt = now };
            set.Add(row);
        }

        row.Plan = protector.Protect(Write(plan))!;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid personId, CancellationToken cancellationToken)
    {
        var row = await db.Set<SafetyPlanRow>().SingleOrDefaultAsync(p => p.PersonId == personId, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.Set<SafetyPlanRow>().Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Write(PersonalSafetyPlan plan) =>
        JsonSerializer.Serialize(plan.Parts.ToDictionary(p => p.Key.ToString(), p => p.Value));

    private static PersonalSafetyPlan Read(string? json)
    {
        var parts = json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string[]>>(json);
        var plan = PersonalSafetyPlan.Empty;
        foreach (var (name, lines) in parts ?? [])
        {
            if (Enum.TryParse<SafetyPlanPart>(name, out var part))
            {
                plan = plan.With(part, lines);
            }
        }

        return plan;
    }
}
