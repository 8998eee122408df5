using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// /forget: deletes every row about a person inside the caller's transaction. Rows keyed by the person go with the
/// person row (every such table cascades); rows keyed only by their chats (dedupe markers, outbox) are found by chat.
/// </summary>
internal static class PersonEraser
{
    /// <summary>Returns the chats the person had, for files kept outside the store (<see cref="IChatFiles"/>).</summary>
    public static async Task<IReadOnlyList<ChatAddress>> EraseAsync(BotDbContext db, Guid personId, CancellationToken ct)
    {
        var chats = await db.Identities.AsNoTracking()
            .Where(i => i.PersonId == personId)
            .Select(i => new { i.Platform, i.ChatId })
            .ToListAsync(ct);

        foreach (var chat in chats)
        {
            var keyPrefix = chat.ChatId + ":";
            await db.ProcessedInbound
                .Where(p => p.Platform == chat.Platform && p.MessageKey.StartsWith(keyPrefix))
                .ExecuteDeleteAsync(ct);
            await db.Outbox.Where(o => o.Platform == chat.Platform && o.ChatId == chat.ChatId).ExecuteDeleteAsync(ct);
        }

        await db.Outbox.Where(o => o.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.History.Where(h => h.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Set<OwnWordsRow>().Where(w => w.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Set<LinkCodeRow>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Set<HistorySettingsRow>().Where(s => s.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Set<SafetyPlanRow>().Where(p => p.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Set<SafetyCareRow>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Schedules.Where(s => s.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Conversations.Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.Identities.Where(i => i.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.People.Where(p => p.Id == personId).ExecuteDeleteAsync(ct);
        return chats.Select(c => new ChatAddress(c.Platform, c.ChatId)).ToArray();
    }
}
