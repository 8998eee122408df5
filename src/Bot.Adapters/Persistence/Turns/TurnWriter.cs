using Bot.Core.Conversations;
using Bot.Core.Persistence;
using Bot.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Applies a person's turn decision: its writes, state, schedule and care to its rows, history and outbox to the new rows
/// (the caller saves both).
/// </summary>
internal static class TurnWriter
{
    /// <returns>False when one of the decision's writes no longer holds (<see cref="TurnWrites.ApplyAsync"/>); nothing else was applied.</returns>
    public static async Task<bool> ApplyAsync(BotDbContext db, FreeTextProtector protector, LoadedTurn turn, TurnRequest request, TurnDecision decision, NewTurnRows rows, CancellationToken ct)
    {
        var (identity, person, conversation) = (turn.Identity, turn.Person, turn.Conversation);
        var now = request.Now;
        if (!await TurnWrites.ApplyAsync(db, protector, person.Id, decision.Writes, now, ct))
        {
            return false;
        }
        if ((person.Locale, person.TimeZone, person.Country) != (decision.Person.Locale, decision.Person.TimeZone, decision.Person.Country))
        {
            Track(db, person);
            person.Locale = decision.Person.Locale;
            person.TimeZone = decision.Person.TimeZone;
            person.Country = decision.Person.Country;
        }

        conversation.Step = decision.Conversation.Step.ToString();
        var state = ChoicesOnScreen.After(decision.Conversation, decision.Outbox);
        conversation.StateJson = StateJson.Write(state);
        conversation.RepliesJson = StateJson.Write(decision.Replies);
        turn.Wrote(state, decision.Replies);
        conversation.UpdatedAt = now;
        conversation.Version++;

        rows.History.AddRange(TurnRows.History(protector, person.Id, decision.History));
        rows.Outbox.AddRange(decision.Outbox.Select(message => TurnRows.Outbox(protector, person.Id, message, decision.Lane, now)));

        if (!identity.Reachable || identity.ChatId != request.Chat.ChatId)
        {
            Track(db, identity);
            identity.Reachable = true;
            identity.ChatId = request.Chat.ChatId;
        }

        await ApplyScheduleChangeAsync(db, person.Id, decision.Schedule, now, ct);
        if (decision.KeepOwnWords is { } phrase)
        {
            await OwnWordsRows.KeepAsync(db, protector, person.Id, phrase, now, ct);
        }

        if (decision.CheckIns is { } checkIns)
        {
            await EfScheduleStore.ApplyCheckInPreferenceAsync(db, person.Id, checkIns, now, ct);
        }

        await SafetyCareRows.ApplyAsync(db, person.Id, decision, now, ct);
        return true;
    }

    /// <summary>
    /// A batch reads known people's rows without tracking them (most turns change neither the person nor the identity, and
    /// the conversation is written in bulk); a row is tracked, with the values it was read with, just before it changes.
    /// </summary>
    private static void Track(BotDbContext db, object row)
    {
        var entry = db.Entry(row);
        if (entry.State == EntityState.Detached)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    /// <summary>
    /// "stop" or "resume" said in the conversation: the same rules as the commands (Core's <see cref="CheckInSchedule.Stop"/>
    /// and <see cref="CheckInSchedule.Resume"/>); a resumed schedule is due at once, so the dispatcher plans it afresh.
    /// </summary>
    private static async Task ApplyScheduleChangeAsync(BotDbContext db, Guid personId, ScheduleChange change, DateTimeOffset now, CancellationToken ct)
    {
        if (change == ScheduleChange.None || await db.Schedules.SingleOrDefaultAsync(s => s.PersonId == personId, ct) is not { } row)
        {
            return;
        }

        var schedule = ScheduleMapping.ToSchedule(row);
        schedule = change == ScheduleChange.Pause ? schedule.Stop() : schedule.Resume();
        ScheduleMapping.Apply(row, schedule, now);
        if (schedule.IsActive)
        {
            row.NextDueAt = now;
        }
    }
}
