using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Claims due schedules in batches (a short transaction that leases them) and saves what the dispatcher decided in a
/// second one. On PostgreSQL the claim is FOR UPDATE SKIP LOCKED, so any number of claimers and replicas share the work
/// and no row goes to two of them.
/// </summary>
public sealed class EfCheckInDispatchStore(BotDbContext db, FreeTextProtector protector, RecentTurnRows? recent = null) : ICheckInDispatchStore
{
    /// <summary>
    /// How long a claimed schedule stays away from other claimers when its decision is never saved (a replica killed
    /// between claim and save). Short, because deciding takes milliseconds; a claimer slower than this loses nothing but
    /// its save, which the version check turns away once another claimer has sent the check-in.
    /// </summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<DueSchedule>> ClaimDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (now, max),
            async (_, state, ct) => await ClaimOnceAsync(state.now, state.max, ct),
            verifySucceeded: null,
            cancellationToken);
    }

    public async Task SaveAsync(IReadOnlyList<DueSchedule> claimed, IReadOnlyList<DispatchResult> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (claimed.Count != decisions.Count)
        {
            throw new ArgumentException("One decision for each claimed schedule, in order.", nameof(decisions));
        }

        if (claimed.Count == 0)
        {
            return;
        }

        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (claimed, decisions, now),
            async (_, state, ct) =>
            {
                await SaveOnceAsync(state.claimed, state.decisions, state.now, ct);
                return true;
            },
            verifySucceeded: null,
            cancellationToken);
    }

    private async Task<IReadOnlyList<DueSchedule>> ClaimOnceAsync(DateTimeOffset now, int max, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var schedules = await ClaimAsync(now, max, ct);
        if (schedules.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return [];
        }

        var ids = schedules.Select(s => s.PersonId).ToArray();
        var leasedUntil = now + ClaimLease;
        await db.Schedules.Where(s => ids.Contains(s.PersonId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextDueAt, leasedUntil), ct);
        var conversations = await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, ct);
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var chats = (await db.Identities.AsNoTracking()
                .Where(i => ids.Contains(i.PersonId) && i.Reachable)
                .OrderByDescending(i => i.Id)
                .ToListAsync(ct))
            .GroupBy(i => i.PersonId)
            .ToDictionary(g => g.Key, g => new ChatAddress(g.First().Platform, g.First().ChatId));
        await transaction.CommitAsync(ct);

        var due = new List<DueSchedule>(schedules.Count);
        foreach (var row in schedules)
        {
            if (conversations.TryGetValue(row.PersonId, out var conversation) && people.TryGetValue(row.PersonId, out var person))
            {
                due.Add(new DueSchedule(
                    ScheduleMapping.ToSchedule(row),
                    ScheduleMapping.ToProfile(person),
                    chats.TryGetValue(row.PersonId, out var chat) ? chat : null,
                    StateJson.Read<Conversation>(conversation.StateJson),
                    StateJson.Read<ReplyMemory>(conversation.RepliesJson))
                {
                    Version = conversation.Version,
                });
            }
        }

        return due;
    }

    private async Task SaveOnceAsync(IReadOnlyList<DueSchedule> claimed, IReadOnlyList<DispatchResult> decisions, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = claimed.Select(d => d.Person.Id).ToArray();
        var conversations = (await LockConversationsAsync(ids, ct)).ToDictionary(c => c.PersonId);
        var schedules = await db.Schedules.Where(s => ids.Contains(s.PersonId)).ToDictionaryAsync(s => s.PersonId, ct);

        var changed = new List<ConversationRow>();
        var rows = new NewTurnRows();
        for (var i = 0; i < claimed.Count; i++)
        {
            var personId = claimed[i].Person.Id;
            if (!schedules.TryGetValue(personId, out var schedule) || !conversations.TryGetValue(personId, out var conversation))
            {
                continue;
            }

            if (conversation.Version != claimed[i].Version)
            {
                // They spoke (or changed their settings) while this was decided: their turn wins, and the check-in is
                // decided again, at once, on what they said.
                schedule.NextDueAt = now;
                continue;
            }

            Apply(schedule, conversation, decisions[i], rows, now);
            changed.Add(conversation);
        }

        await TurnSave.SaveAsync(db, changed, rows, ct);
        await transaction.CommitAsync(ct);
        recent?.Forget(changed.Select(c => c.PersonId));
    }

    private async Task<List<ScheduleRow>> ClaimAsync(DateTimeOffset now, int max, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Schedules.FromSql($"""
                SELECT * FROM schedules
                WHERE enabled AND NOT paused AND next_due_at <= {now}
                ORDER BY next_due_at
                LIMIT {max}
                FOR UPDATE SKIP LOCKED
                """).AsNoTracking().ToListAsync(ct)
            : await db.Schedules.AsNoTracking()
                .Where(s => s.Enabled && !s.Paused && s.NextDueAt != null && s.NextDueAt <= now)
                .OrderBy(s => s.NextDueAt)
                .Take(max)
                .ToListAsync(ct);

    /// <summary>In person order, so two savers never wait on each other in a circle.</summary>
    private async Task<List<ConversationRow>> LockConversationsAsync(Guid[] ids, CancellationToken ct) =>
        db.Provider == StoreProvider.Postgres
            ? await db.Conversations.FromSql($"SELECT * FROM conversations WHERE person_id = ANY({ids}) ORDER BY person_id FOR UPDATE").ToListAsync(ct)
            : await db.Conversations.Where(c => ids.Contains(c.PersonId)).ToListAsync(ct);

    /// <summary>
    /// Applies one decision. The version moves on even when only the schedule changed (a check-in skipped and planned
    /// again): a turn decided on the old version reads the schedule too, and must decide again rather than write over it.
    /// </summary>
    private void Apply(ScheduleRow row, ConversationRow conversation, DispatchResult result, NewTurnRows rows, DateTimeOffset now)
    {
        ScheduleMapping.Apply(row, result.Schedule, now);

        var state = StateJson.Write(ChoicesOnScreen.After(result.Conversation, result.Outbox));
        var replies = StateJson.Write(result.Replies);
        rows.History.AddRange(TurnRows.History(protector, row.PersonId, result.History));
        rows.Outbox.AddRange(result.Outbox.Select(message => TurnRows.Outbox(protector, row.PersonId, message, DeliveryLane.Scheduled, now)));
        conversation.Version++;
        if (state == conversation.StateJson && replies == conversation.RepliesJson)
        {
            return;
        }

        conversation.Step = result.Conversation.Step.ToString();
        conversation.StateJson = state;
        conversation.RepliesJson = replies;
        conversation.UpdatedAt = now;
    }
}
