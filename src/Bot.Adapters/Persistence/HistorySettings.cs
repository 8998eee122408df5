using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

internal static class HistorySettings
{
    /// <summary>The person's settings row, tracked; created with everything off when they have none yet.</summary>
    public static async Task<HistorySettingsRow> GetOrAddAsync(BotDbContext db, Guid personId, DateTimeOffset now, CancellationToken ct)
    {
        var settings = await db.Set<HistorySettingsRow>().SingleOrDefaultAsync(s => s.PersonId == personId, ct);
        if (settings is null)
        {
            settings = new HistorySettingsRow { PersonId = personId, UpdatedAt = now };
            db.Add(settings);
        }

        return settings;
    }
}
