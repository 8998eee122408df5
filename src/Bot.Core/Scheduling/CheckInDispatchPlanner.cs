using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>
/// Decides, for one claimed schedule, what is due now: a reply timeout, a follow-up, a check-in (or the one-time
/// offer to pause), and when to wake up next. Pure apart from calendar arithmetic; the check-in itself is the
/// engine's turn (TurnPlanner with Signal.CheckInDue).
/// </summary>
public sealed class CheckInDispatchPlanner(TurnPlanner planner, ICheckInCalendar calendar, SchedulingCopy copy, DispatchPolicy policy)
{
    public DispatchResult Decide(DueSchedule due, DateTimeOffset now)
    {
        var schedule = due.Schedule;
        var state = schedule.State;
        var preferences = schedule.Preferences;
        var zone = due.Person.TimeZone ?? CheckInRules.DefaultTimeZone;
        var conversation = due.Conversation;
        var replies = due.Replies;
        var outbox = new List<OutboundMessage>();
        var history = new List<HistoryEntry>();
        var resting = RestingAfterCrisis(conversation, now);
        var answeredLast = state.LastCheckInAt is { } last && conversation.LastInboundAt >= last;

        if (state.ReplyTimeoutAt is { } timeoutAt && timeoutAt <= now)
        {
            state = state with { ReplyTimeoutAt = null, Unanswered = answeredLast ? 0 : state.Unanswered + 1 };
            if (due.Chat is { } chat)
            {
                var turn = planner.Plan(Context(due, chat, conversation, replies), new Signal.ReplyTimedOut(), now, DeliveryLane.Scheduled);
                (conversation, replies) = (turn.Conversation, turn.Replies);
                outbox.AddRange(turn.Outbox);
                history.AddRange(turn.History);
            }
        }

        if (state.FollowUpRequestedAt is { } requestedAt)
        {
            state = state with
            {
                FollowUpRequestedAt = null,
                FollowUpAt = CheckInRules.FollowUpTime(requestedAt, policy.FollowUpDelay, preferences, zone, calendar),
            };
        }

        if (state.FollowUpAt is { } followUpAt && followUpAt <= now)
        {
            state = state with { FollowUpAt = null };
            var stillToday = now - followUpAt <= TimeSpan.FromHours(1) && !CheckInRules.IsQuiet(now, preferences, zone, calendar);
            if (due.Chat is { } chat && stillToday && schedule.IsActive && !resting)
            {
                outbox.Add(OutboundMessage.Plain(chat, copy.Text("followUp")));
            }
        }

        if (state.CheckInAt is { } checkInAt && checkInAt <= now)
        {
            var unanswered = answeredLast ? 0 : state.Unanswered;
            state = state with { Unanswered = unanswered };
            if (CheckInRules.IsQuiet(now, preferences, zone, calendar) && now - checkInAt <= policy.MaxLateness)
            {
                // Quiet hours changed after this check-in was planned: it waits until they end.
                state = state with { CheckInAt = CheckInRules.OutOfQuiet(now, preferences, zone, calendar) };
                return Result(schedule, state, conversation, replies, outbox, history);
            }

            if (due.Chat is { } chat && schedule.IsActive && now - checkInAt <= policy.MaxLateness)
            {
                if (unanswered >= policy.PauseOfferAfter && !state.PauseOffered && !resting)
                {
                    outbox.Add(new OutboundMessage(chat, copy.Text("pauseOffer"), copy.Choices("pauseOffer")));
                    state = state with { PauseOffered = true };
                }
                else
                {
                    var turn = planner.Plan(Context(due, chat, conversation, replies), new Signal.CheckInDue(), now, DeliveryLane.Scheduled);
                    (conversation, replies) = (turn.Conversation, turn.Replies);
                    outbox.AddRange(turn.Outbox);
                    history.AddRange(turn.History);
                }

                // The engine may have nothing to say (not introduced yet, a check-in still open, a rest after a hard
                // day): then nothing was sent, and nothing can go unanswered.
                if (outbox.Count > 0)
                {
                    state = state with { LastCheckInAt = now, ReplyTimeoutAt = now + policy.ReplyTimeout };
                }
            }

            schedule = schedule with { Preferences = Consumed(preferences, now) };
            state = state with { CheckInAt = null };
        }

        if (state.CheckInAt is null || !schedule.IsActive)
        {
            var every = CheckInRules.BackOffFactor(state.Unanswered, policy.BackOffAfter);
            state = state with { CheckInAt = CheckInRules.NextCheckIn(due.Person.Id, schedule with { State = state }, zone, now, calendar, every) };
        }

        return Result(schedule, state, conversation, replies, outbox, history);
    }

    /// <summary>For a day after a crisis response nothing scheduled reaches the person but the follow-up they agreed to.</summary>
    private static bool RestingAfterCrisis(Conversation conversation, DateTimeOffset now) =>
        CheckInFlow.IsSafety(conversation.Step)
        || (conversation.SafetyHeldAt is { } held && now - held < TimeSpan.FromHours(24));

    /// <summary>A snooze or skip that has done its job is forgotten.</summary>
    private static CheckInPreferences Consumed(CheckInPreferences preferences, DateTimeOffset now) => preferences with
    {
        SnoozedUntil = preferences.SnoozedUntil <= now ? null : preferences.SnoozedUntil,
        SkipThrough = preferences.SkipThrough <= now ? null : preferences.SkipThrough,
        PausedUntil = preferences.PausedUntil <= now ? null : preferences.PausedUntil,
    };

    private static TurnContext Context(DueSchedule due, ChatAddress chat, Conversation conversation, ReplyMemory replies) =>
        new(chat, due.Person, conversation, replies, IsNewPerson: false);

    private static DispatchResult Result(
        CheckInSchedule schedule, DispatchState state, Conversation conversation, ReplyMemory replies, List<OutboundMessage> outbox, List<HistoryEntry> history) =>
        new(schedule with { State = state }, conversation, replies, outbox, history);
}
