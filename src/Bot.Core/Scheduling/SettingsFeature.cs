using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Core.Scheduling;

/// <summary>
/// Check-in preferences by command or button, on every platform and in `chat`: time zone, days, window, quiet hours,
/// pause, skip, snooze, stop and resume. Check-ins are planned only after a yes; before it, preferences are kept and the
/// answer offers the yes. Every change answers with when the next check-in comes, in local time, exactly as planned.
/// </summary>
public sealed class SettingsFeature(IScheduleStore store, ICheckInCalendar calendar, TurnPlanner planner, SchedulingCopy copy) : ICommandFeature
{
    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = SettingsParser.Parse(input) ?? new SettingsChange.Show();
        var before = await store.GetAsync(context.Person.Id, cancellationToken);
        var person = context.Person;
        var zone = person.TimeZone ?? CheckInRules.DefaultTimeZone;
        var conversation = context.Conversation with { LastInboundAt = now };
        var replies = context.Replies;
        var said = new List<OutboundMessage>();

        if (!conversation.Introduced && change is not SettingsChange.Stop)
        {
            // First contact by a command: they hear what this is first (a bot, not a person, not therapy).
            (var welcome, replies) = planner.Say(context, [ReplyKey.Welcome], now);
            said.AddRange(welcome);
            conversation = conversation with { Introduced = true };
        }

        var edit = Apply(person.Id, before, change, zone, conversation, now);
        if (edit.NewTimeZone is not null)
        {
            zone = edit.NewTimeZone;
            person = person with { TimeZone = zone };
        }

        if (edit.Asks)
        {
            // The answer offers the yes (a button), so the question has been asked.
            conversation = conversation with { ConsentAsked = true };
        }

        if (change is SettingsChange.Consent)
        {
            conversation = conversation with
            {
                ConsentAsked = true,
                CheckInsPaused = false,
                Step = conversation.Step is CheckInStep.Paused || CheckInFlow.IsFirstContact(conversation.Step) ? CheckInStep.Idle : conversation.Step,
            };
        }

        if (change is SettingsChange.Snooze && edit.Replan && CheckInFlow.IsCheckIn(conversation.Step))
        {
            // "Later, please" for the check-in that is open: it closes, so the snoozed one opens afresh.
            conversation = conversation with { Step = CheckInStep.Closed, Attempts = 0 };
        }

        if (edit.ByEngine is { } intent)
        {
            // Stopping and resuming belong to the conversation too (an open check-in ends); the engine owns that part
            // and says it; this feature adds only when the next check-in comes.
            var turn = planner.Plan(context with { Conversation = conversation, Replies = replies }, new Signal.UserSaid(intent), now, DeliveryLane.Reply);
            conversation = turn.Conversation with { LastInboundAt = now };
            replies = turn.Replies;
            said.AddRange(turn.Outbox);
        }

        var after = edit.Schedule;
        if (edit.Replan || (edit.ShowNext && after.IsActive && after.State.CheckInAt is null))
        {
            // Also when nothing is planned yet (a yes given moments ago, before the dispatcher woke): what /settings
            // names is what the dispatcher will send.
            after = after with { State = after.State with { CheckInAt = CheckInRules.NextCheckIn(person.Id, after, zone, now, calendar) } };
        }

        TurnWrite[] writes = edit.Save || after != before ? [new SaveSchedule(after)] : [];

        var lines = new List<string>();
        if (edit.Line is { } line)
        {
            lines.Add(line);
        }

        if (edit.ShowNext)
        {
            lines.Add(NextLine(after, zone));
        }

        var choices = edit.Asks ? copy.Choices("consent")
            : after.Stopped ? copy.Choices("stopped")
            : change is SettingsChange.Show ? SettingsChoices(after, conversation, now)
            : [];
        if (lines.Count > 0)
        {
            said.Add(new OutboundMessage(context.Chat, string.Join("\n", lines), choices));
        }

        // The schedule is saved with the turn, whole; the turn's writer has nothing more to change.
        return new TurnDecision(person, conversation, replies, [], said, DeliveryLane.Reply, ScheduleChange.None) { Writes = writes };
    }

    private Edit Apply(Guid personId, CheckInSchedule schedule, SettingsChange change, string zone, Conversation conversation, DateTimeOffset now)
    {
        var preferences = schedule.Preferences;
        var agreed = schedule.Enabled;
        switch (change)
        {
            case SettingsChange.Show when !agreed:
                return new Edit(schedule, Summary(schedule, zone) + "\n" + copy.Text("notOnYet"), false, false) { Asks = true };
            case SettingsChange.Show:
                return new Edit(schedule, Summary(schedule, zone), false, true);
            case SettingsChange.SetTimeZone set:
                return calendar.TryNormalize(set.TimeZone, out var normalized)
                    ? Changed(schedule, copy.Text("timezoneSet", ("zone", normalized))) with { NewTimeZone = normalized }
                    : new Edit(schedule, copy.Text("timezoneUnknown"), false, false);
            case SettingsChange.SetDays days:
                return Changed(schedule with { Preferences = preferences with { Days = days.Days } }, copy.Text("daysSet", ("days", copy.Days(days.Days))));
            case SettingsChange.SetWindow window when CheckInRules.QuietCovers(window.Window, preferences.Quiet):
                return new Edit(schedule, copy.Text("windowInQuiet", ("quiet", preferences.Quiet!.ToString())), false, false);
            case SettingsChange.SetWindow window:
                return Changed(schedule with { Preferences = preferences with { Window = window.Window } }, copy.Text("windowSet", ("window", window.Window.ToString())));
            case SettingsChange.SetQuiet { Quiet: null }:
                return Changed(schedule with { Preferences = preferences with { Quiet = null } }, copy.Text("quietOff"));
            case SettingsChange.SetQuiet quiet when CheckInRules.QuietCovers(preferences.Window, quiet.Quiet):
                return new Edit(schedule, copy.Text("quietCoversWindow", ("window", preferences.Window.ToString())), false, false);
            case SettingsChange.SetQuiet quiet:
                return Changed(schedule with { Preferences = preferences with { Quiet = quiet.Quiet } }, copy.Text("quietSet", ("quiet", quiet.Quiet!.ToString())));
            case SettingsChange.Consent:
                return new Edit((schedule with { Enabled = true }).Resume(), copy.Text("consentGiven"), true, true) { Save = true };
            case SettingsChange.Stop:
                return new Edit(schedule.Stop(), null, false, false) { ByEngine = Intent.Stop };
            case SettingsChange.Resume or SettingsChange.PauseFor or SettingsChange.PauseUntil or SettingsChange.Skip or SettingsChange.Snooze
                or SettingsChange.KeepGoing when !agreed:
                return new Edit(schedule, copy.Text("notOnYet"), false, false) { Asks = true };
            case SettingsChange.PauseFor pause:
                return Paused(schedule, now + pause.Duration, zone);
            case SettingsChange.PauseUntil pauseUntil:
                return StartOfLocalDay(pauseUntil.Date, zone, now) is not { } start ? new Edit(schedule, copy.Text("pausePast"), false, false)
                    : start - now > SettingsParser.MaxPause ? TooLong(schedule)
                    : Paused(schedule, start, zone);
            case SettingsChange.Skip:
                var skipped = schedule.State.CheckInAt is { } planned && planned > now
                    ? planned
                    : CheckInRules.NextCheckIn(personId, schedule, zone, now, calendar) ?? now;
                return new Edit(schedule with { Preferences = preferences with { SkipThrough = skipped, SnoozedUntil = null } }, copy.Text("skipSet"), true, true);
            case SettingsChange.Snooze snooze when !Snoozable(schedule, conversation, snooze.Duration, now):
                return new Edit(schedule, copy.Text("snoozeNothing"), false, true);
            case SettingsChange.Snooze snooze:
                var until = CheckInRules.OutOfQuiet(now + snooze.Duration, preferences, zone, calendar);
                return new Edit(
                    schedule with { Preferences = preferences with { SnoozedUntil = until } },
                    copy.Text("snoozeSet", ("until", SchedulingCopy.When(calendar.ToLocal(until, zone), zone))),
                    true,
                    false);
            case SettingsChange.Resume:
                return new Edit(schedule.Resume(), null, true, true) { ByEngine = Intent.Resume };
            case SettingsChange.KeepGoing:
                return new Edit(schedule with { State = schedule.State with { Unanswered = 0 } }, copy.Text("keepGoing"), true, true);
            case SettingsChange.Invalid { HelpKey: "pauseTooLong" }:
                return TooLong(schedule);
            case SettingsChange.Invalid invalid:
                return new Edit(schedule, copy.Text(invalid.HelpKey), false, false);
            default:
                return new Edit(schedule, Summary(schedule, zone), false, true);
        }
    }

    /// <summary>A preference changed: planned again once they said yes; before that only kept, and the yes offered.</summary>
    private Edit Changed(CheckInSchedule changed, string line) =>
        changed.Enabled
            ? new Edit(changed, line, true, true)
            : new Edit(changed with { State = changed.State with { CheckInAt = null } }, line + "\n" + copy.Text("consentNeeded"), false, false) { Save = true, Asks = true };

    /// <summary>Something to snooze: a check-in open now, or the next one coming sooner than the snooze would end.</summary>
    private static bool Snoozable(CheckInSchedule schedule, Conversation conversation, TimeSpan duration, DateTimeOffset now) =>
        CheckInFlow.IsCheckIn(conversation.Step)
        || (schedule.State.CheckInAt is { } next && next - now <= duration);

    private Edit TooLong(CheckInSchedule schedule) =>
        new(schedule, copy.Text("pauseTooLong", ("max", ((int)SettingsParser.MaxPause.TotalDays).ToString(System.Globalization.CultureInfo.InvariantCulture))), false, false);

    private Edit Paused(CheckInSchedule schedule, DateTimeOffset until, string zone) =>
        new(
            schedule with { Preferences = schedule.Preferences with { PausedUntil = until, SnoozedUntil = null } },
            copy.Text("pauseSet", ("until", SchedulingCopy.When(calendar.ToLocal(until, zone), zone))),
            true,
            true);

    /// <summary>The settings buttons, without a snooze when there is nothing to snooze.</summary>
    private IReadOnlyList<ReplyChoice> SettingsChoices(CheckInSchedule schedule, Conversation conversation, DateTimeOffset now) =>
        Snoozable(schedule, conversation, TimeSpan.FromHours(1), now)
            ? copy.Choices("settings")
            : copy.Choices("settings").Where(c => !c.Id.StartsWith(SettingsParser.ChoicePrefix + "snooze", StringComparison.Ordinal)).ToArray();

    /// <summary>Local midnight at the start of <paramref name="date"/>, if that is still ahead.</summary>
    private DateTimeOffset? StartOfLocalDay(DateOnly date, string zone, DateTimeOffset now)
    {
        var probe = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        for (var i = 0; i < 4; i++)
        {
            var midnight = calendar.NextAt(TimeOnly.MinValue, CheckInDays.Daily, zone, probe);
            if (midnight is null)
            {
                return null;
            }

            if (DateOnly.FromDateTime(calendar.ToLocal(midnight.Value, zone).DateTime) >= date)
            {
                return midnight > now ? midnight : null;
            }

            probe = midnight.Value;
        }

        return null;
    }

    private string Summary(CheckInSchedule schedule, string zone) =>
        copy.Text(
            "summary",
            ("zone", zone),
            ("days", copy.Days(schedule.Preferences.Days)),
            ("window", schedule.Preferences.Window.ToString()),
            ("quiet", schedule.Preferences.Quiet?.ToString() ?? copy.Text("quietNone")));

    private string NextLine(CheckInSchedule schedule, string zone) =>
        schedule.Stopped ? copy.Text("nextStopped")
        : schedule.State.CheckInAt is { } next ? copy.Text("next", ("when", SchedulingCopy.When(calendar.ToLocal(next, zone), zone)))
        : copy.Text("nextNone");

    /// <param name="Replan">The schedule changed: plan the next check-in again and save.</param>
    private sealed record Edit(CheckInSchedule Schedule, string? Line, bool Replan, bool ShowNext)
    {
        public string? NewTimeZone { get; init; }

        /// <summary>Save even without planning (a preference kept before the yes).</summary>
        public bool Save { get; init; }

        /// <summary>The answer offers the yes to check-ins (they have not said it).</summary>
        public bool Asks { get; init; }

        /// <summary>The engine answers for the conversation (stop, resume); this feature adds the next check-in.</summary>
        public Intent? ByEngine { get; init; }
    }
}
