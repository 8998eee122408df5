using System.Text.RegularExpressions;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// /forget: deletes every row about a person inside the caller's transaction. Rows keyed by the person go with the
/// person row (every such table cascades); rows keyed only by their chats or user ids (dedupe markers, outbox) are found
/// by those, their anonymous community answers by recomputing their hash under each day secret still kept, and updates of
/// theirs parked as dead letters by reading the (encrypted) raw update for their user id.
/// </summary>
internal static class PersonEraser
{
    /// <summary>Returns the chats the person had, for files kept outside the store (<see cref="IChatFiles"/>).</summary>
    public static async Task<IReadOnlyList<ChatAddress>> EraseAsync(BotDbContext db, FreeTextProtector protector, Guid personId, CancellationToken ct)
    {
        var identities = await db.Identities.AsNoTracking()
            .Where(i => i.PersonId == personId)
            .Select(i => new { i.Platform, i.ChatId, i.ExternalUserId })
            .ToListAsync(ct);

        foreach (var identity in identities)
        {
            // A private chat's markers start with its chat id; a channel message answered in private starts with the user id.
            foreach (var keyPrefix in new[] { identity.ChatId + ":", identity.ExternalUserId + ":" }.Distinct())
            {
                await db.ProcessedInbound
                    .Where(p => p.Platform == identity.Platform && p.MessageKey.StartsWith(keyPrefix))
                    .ExecuteDeleteAsync(ct);
            }

            await db.Outbox.Where(o => o.Platform == identity.Platform && o.ChatId == identity.ChatId).ExecuteDeleteAsync(ct);
            await EraseCommunityAnswersAsync(db, identity.Platform, identity.ExternalUserId, ct);
            await EraseDeadLettersAsync(db, protector, identity.Platform, identity.ExternalUserId, ct);
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
        return identities.Select(i => new ChatAddress(i.Platform, i.ChatId)).ToArray();
    }

    /// <summary>Without this, anyone reading the database could still tell the person said "I'm okay" in a channel that day.</summary>
    private static async Task EraseCommunityAnswersAsync(BotDbContext db, Platform platform, string userId, CancellationToken ct)
    {
        var days = await db.CommunityDays.AsNoTracking().Where(d => d.Platform == platform).ToListAsync(ct);
        foreach (var day in days)
        {
            var hash = EfCommunityStore.AnswerHash(day.Secret, platform, userId);
            await db.CommunityAnswers
                .Where(a => a.Platform == platform && a.ChatId == day.ChatId && a.Day == day.Day && a.AnswerHash == hash)
                .ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>A parked update carries its sender's id (and name) inside the raw payload; nothing outside it says whose it is.</summary>
    private static async Task EraseDeadLettersAsync(BotDbContext db, FreeTextProtector protector, Platform platform, string userId, CancellationToken ct)
    {
        var sender = new Regex($"(?<![0-9]){Regex.Escape(userId)}(?![0-9])", RegexOptions.CultureInvariant);
        var letters = await db.DeadLetters.AsNoTracking()
            .Where(d => d.Platform == platform)
            .Select(d => new { d.UpdateId, d.Payload })
            .ToListAsync(ct);
        foreach (var letter in letters.Where(l => protector.Unprotect(l.Payload) is { } raw && sender.IsMatch(raw)))
        {
            await db.DeadLetters.Where(d => d.Platform == platform && d.UpdateId == letter.UpdateId).ExecuteDeleteAsync(ct);
        }
    }
}
