using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Claims due schedules in batches and writes what the dispatcher decided in the same transaction. On PostgreSQL the
/// claim is FOR UPDATE SKIP LOCKED, so any number of replicas share the work and no row goes to two of them; a
/// conversation locked by a live turn is skipped this round and picked up on the next.
/// </summary>
public sealed class EfCheckInDispatchStore(BotDbContext db, FreeTextProtector protector) : ICheckInDispatchStore
{
    public async Task<int> DispatchDueAsync(DateTimeOffset now, int max, Func<DueSchedule, DispatchResult> decide, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return 0;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            (now, max, decide),
            async (_, state, ct) => await DispatchOnceAsync(state.now, state.max, state.decide, ct),
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<int> DispatchOnceAsync(DateTimeOffset now, int max, Func<DueSchedule, DispatchResult> decide, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var schedules = await ClaimAsync(now, max, ct);
        if (schedules.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        var ids = schedules.Select(s => s.PersonId).ToArray();
        var conversations = (await LockConversationsAsync(ids, ct)).ToDictionary(c => c.PersonId);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var chats = (await db.Identities.AsNoTracking()
                .Where(i => ids.Contains(i.PersonId) && i.Reachable)
                .OrderByDescending(i => i.Id)
                .ToListAsync(ct))
            .GroupBy(i => i.PersonId)
            .ToDictionary(g => g.Key, g => new ChatAddress(g.First().Platform, g.First().ChatId));

        var changed = new List<ConversationRow>();
        var rows = new NewTurnRows();
        foreach (var row in schedules)
        {
            if (!conversations.TryGetValue(row.PersonId, out var conversation) || !people.TryGetValue(row.PersonId, out var person))
            {
                continue;
            }

            var due = new DueSchedule(
                ScheduleMapping.ToSchedule(row),
                ScheduleMapping.ToProfile(person),
                chats.TryGetValue(row.PersonId, out var chat) ? chat : null,
                StateJson.Read<Conversation>(conversation.StateJson),
                StateJson.Read<ReplyMemory>(conversation.RepliesJson));
            var result = decide(due);
            if (Apply(row, conversation, result, rows, now))
            {
                changed.Add(conversation);
            }
        }

        await TurnSave.SaveAsync(db, changed, rows, ct);
        await transaction.CommitAsync(ct);
        return schedules.Count;
    }

    private async Task<List<ScheduleRow>> ClaimAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Schedules.FromSql($"""
                SELECT * FROM schedules
                WHERE enabled AND NOT paused AND next_due_at <= {now}
                ORDER BY next_due_at
                LIMIT {max}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Schedules
                .Where(s => s.Enabled && !s.Paused && s.NextDueAt != null && s.NextDueAt <= now)
                .OrderBy(s => s.NextDueAt)
                .Take(max)
                .ToListAsync(ct);

    private async Task<List<ConversationRow>> LockConversationsAsync(Guid[] ids, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Conversations.FromSql($"SELECT * FROM conversations WHERE person_id = ANY({ids}) FOR UPDATE SKIP LOCKED").ToListAsync(ct)
            : await db.Conversations.Where(c => ids.Contains(c.PersonId)).ToListAsync(ct);

    /// <summary>Applies one decision; true when the conversation changed.</summary>
    private bool Apply(ScheduleRow row, ConversationRow conversation, DispatchResult result, NewTurnRows rows, DateTimeOffset now)
    {
        ScheduleMapping.Apply(row, result.Schedule, now);

        var state = StateJson.Write(ChoicesOnScreen.After(result.Conversation, result.Outbox));
        var replies = StateJson.Write(result.Replies);
        rows.History.AddRange(TurnRows.History(protector, row.PersonId, result.History));
        rows.Outbox.AddRange(result.Outbox.Select(message => TurnRows.Outbox(protector, row.PersonId, message, DeliveryLane.Scheduled, now)));
        if (state == conversation.StateJson && replies == conversation.RepliesJson)
        {
            return false;
        }

        conversation.Step = result.Conversation.Step.ToString();
        conversation.StateJson = state;
        conversation.RepliesJson = replies;
        conversation.UpdatedAt = now;
        return true;
    }
}
