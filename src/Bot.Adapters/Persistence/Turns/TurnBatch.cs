using Bot.Adapters.Persistence.Entities;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// One transaction for the turns of many people (PostgreSQL): the dedupe markers in one statement, identities, locked
/// conversations, people and own words in one query each, every decision in arrival order, then one save and one commit.
/// </summary>
internal sealed class TurnBatch(BotDbContext db, FreeTextProtector protector, IReadOnlyList<QueuedTurn> turns)
{
    public async Task<BatchedTurnOutcome[]> CommitAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcomes = new BatchedTurnOutcome[turns.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var fresh = await DedupeMarkers.InsertManyAsync(db, turns.Select(t => t.Request).ToArray(), ct);
        var live = new List<int>();
        for (var i = 0; i < turns.Count; i++)
        {
            var request = turns[i].Request;
            if (fresh.Contains((request.Chat.Platform, DedupeMarkers.Key(request))))
            {
                live.Add(i);
            }
            else
            {
                outcomes[i] = BatchedTurnOutcome.Duplicate;
            }
        }

        var loaded = await LoadAsync(live, outcomes, ct);
        foreach (var i in live)
        {
            if (outcomes[i] == BatchedTurnOutcome.RunAlone)
            {
                await DedupeMarkers.RemoveAsync(db, turns[i].Request, ct);
                continue;
            }

            var request = turns[i].Request;
            var decision = await DecideAsync(turns[i], loaded[i], ct);
            if (decision is null || decision.ForgetPerson)
            {
                outcomes[i] = BatchedTurnOutcome.RunAlone;
                await DedupeMarkers.RemoveAsync(db, request, ct);
                continue;
            }

            await TurnWriter.ApplyAsync(db, protector, loaded[i], request, decision, ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>The decision, or null when it needs a transaction of its own.</summary>
    private static async Task<TurnDecision?> DecideAsync(QueuedTurn turn, LoadedTurn rows, CancellationToken ct)
    {
        try
        {
            return await turn.Decide(rows.ToContext(turn.Request.Chat, sharedTransaction: true), ct);
        }
        catch (OwnTransactionRequiredException)
        {
            return null;
        }
    }

    /// <summary>
    /// The rows of every live turn: first contacts are created (and saved, so later reads see them), the others' conversations
    /// are locked in one statement in person order. A person reached twice in one batch (linked accounts) runs alone.
    /// </summary>
    private async Task<Dictionary<int, LoadedTurn>> LoadAsync(List<int> live, BatchedTurnOutcome[] outcomes, CancellationToken ct)
    {
        var identities = new Dictionary<(Platform, string), PlatformIdentityRow>();
        foreach (var platform in live.Select(i => turns[i].Request.Chat.Platform).Distinct())
        {
            var senders = live.Select(i => turns[i].Request).Where(r => r.Chat.Platform == platform).Select(r => r.SenderId).ToArray();
            foreach (var identity in await db.Identities.Where(i => i.Platform == platform && senders.Contains(i.ExternalUserId)).ToListAsync(ct))
            {
                identities[(platform, identity.ExternalUserId)] = identity;
            }
        }

        var loaded = new Dictionary<int, LoadedTurn>();
        var existing = new Dictionary<int, PlatformIdentityRow>();
        var seenPeople = new HashSet<Guid>();
        foreach (var i in live)
        {
            var request = turns[i].Request;
            if (!identities.TryGetValue((request.Chat.Platform, request.SenderId), out var identity))
            {
                loaded[i] = NewPersonRows.Add(db, request);
            }
            else if (seenPeople.Add(identity.PersonId))
            {
                existing[i] = identity;
            }
            else
            {
                outcomes[i] = BatchedTurnOutcome.RunAlone;
            }
        }

        if (loaded.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        if (existing.Count == 0)
        {
            return loaded;
        }

        var personIds = existing.Values.Select(i => i.PersonId).ToArray();
        var conversations = await db.Conversations
            .FromSql($"SELECT * FROM conversations WHERE person_id = ANY({personIds}) ORDER BY person_id FOR UPDATE")
            .ToDictionaryAsync(c => c.PersonId, ct);
        var people = await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var ownWords = await OwnWordsRows.ReadConsentedAsync(db, protector, personIds, ct);
        foreach (var (i, identity) in existing)
        {
            var id = identity.PersonId;
            loaded[i] = new LoadedTurn(identity, people[id], conversations[id], IsNewPerson: false, ownWords.GetValueOrDefault(id, []));
        }

        return loaded;
    }
}
