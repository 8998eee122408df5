using Bot.Adapters.Persistence.Entities;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>Writes a turn's safety data (the rest after a crisis response, the follow-up the person agreed to).</summary>
internal static class SafetyCareRows
{
    public static async Task ApplyAsync(BotDbContext db, Guid personId, TurnDecision decision, DateTimeOffset now, CancellationToken ct)
    {
        if (decision.SafetyPauseUntil is null && decision.SafetyFollowUp is null)
        {
            return;
        }

        var set = db.Set<SafetyCareRow>();
        var row = await set.SingleOrDefaultAsync(c => c.PersonId == personId, ct);
        if (row is null && decision.SafetyPauseUntil is null && decision.SafetyFollowUp is { Cancel: true })
        {
            return;
        }

        if (row is null)
        {
            row = new SafetyCareRow { PersonId = personId };
            set.Add(row);
        }

        if (decision.SafetyPauseUntil is { } until)
        {
            row.PauseUntil = until;
        }

        if (decision.SafetyFollowUp is { } followUp)
        {
            row.FollowUpDueAt = followUp.Cancel ? null : followUp.DueAt;
        }

        row.UpdatedAt = now;
    }
}
