using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Scheduling;

/// <summary>
/// Check-in preferences by command or button, on every platform and in `chat`: time zone, days, window, quiet hours,
/// pause, skip, snooze, stop and resume. Every change answers with when the next check-in comes, in local time.
/// </summary>
public sealed class SettingsFeature(IScheduleStore store, ICheckInCalendar calendar, TurnPlanner planner, SchedulingCopy copy) : ICommandFeature
{
    public bool Claims(CommandInput input) => SettingsParser.Claims(input);

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = SettingsParser.Parse(input) ?? new SettingsChange.Show();
        var before = await store.GetAsync(context.Person.Id, cancellationToken);
        var person = context.Person;
        var zone = person.TimeZone ?? CheckInRules.DefaultTimeZone;
        var conversation = context.Conversation with { LastInboundAt = now };
        var replies = context.Replies;
        var engineSays = (IReadOnlyList<OutboundMessage>)[];
        var scheduleChange = ScheduleChange.None;

        var edit = Apply(person.Id, before, change, zone, now);
        if (edit.NewTimeZone is not null)
        {
            zone = edit.NewTimeZone;
            person = person with { TimeZone = zone };
        }

        if (change is SettingsChange.Stop or SettingsChange.Resume)
        {
            // Stopping and resuming belong to the conversation too (an open check-in ends); the engine owns that part.
            var intent = change is SettingsChange.Stop ? Intent.Stop : Intent.Resume;
            var turn = planner.Plan(context, new Signal.UserSaid(intent), now, DeliveryLane.Reply);
            conversation = turn.Conversation with { LastInboundAt = now };
            replies = turn.Replies;
            engineSays = turn.Outbox;
            scheduleChange = change is SettingsChange.Stop ? ScheduleChange.Pause : ScheduleChange.Resume;
        }

        var after = edit.Schedule;
        if (edit.Replan)
        {
            after = after with
            {
                State = after.State with { CheckInAt = CheckInRules.NextCheckIn(person.Id, after, zone, now, calendar) },
            };
            await store.SaveAsync(person.Id, after, now, cancellationToken);
        }

        var lines = new List<string>();
        if (edit.Line is { } line)
        {
            lines.Add(line);
        }

        if (edit.ShowNext)
        {
            lines.Add(NextLine(after, zone));
        }

        var choices = after.Stopped ? copy.Choices("stopped") : change is SettingsChange.Show ? copy.Choices("settings") : [];
        var messages = engineSays.Count > 0 && change is SettingsChange.Stop
            ? engineSays
            : [.. engineSays, new OutboundMessage(context.Chat, string.Join("\n", lines), choices)];

        return new TurnDecision(person, conversation, replies, [], messages, DeliveryLane.Reply, scheduleChange);
    }

    private Edit Apply(Guid personId, CheckInSchedule schedule, SettingsChange change, string zone, DateTimeOffset now)
    {
        var preferences = schedule.Preferences;
        var on = schedule with { Enabled = true };
        switch (change)
        {
            case SettingsChange.Show:
                return new Edit(schedule, Summary(schedule, zone), Replan: false, ShowNext: true);
            case SettingsChange.SetTimeZone set:
                return calendar.TryNormalize(set.TimeZone, out var normalized)
                    ? new Edit(on, copy.Text("timezoneSet", ("zone", normalized)), true, true) { NewTimeZone = normalized }
                    : new Edit(schedule, copy.Text("timezoneUnknown"), false, false);
            case SettingsChange.SetDays days:
                return new Edit(on with { Preferences = preferences with { Days = days.Days } }, copy.Text("daysSet", ("days", copy.Days(days.Days))), true, true);
            case SettingsChange.SetWindow window:
                return new Edit(on with { Preferences = preferences with { Window = window.Window } }, copy.Text("windowSet", ("window", window.Window.ToString())), true, true);
            case SettingsChange.SetQuiet { Quiet: null }:
                return new Edit(schedule with { Preferences = preferences with { Quiet = null } }, copy.Text("quietOff"), true, true);
            case SettingsChange.SetQuiet quiet:
                return new Edit(schedule with { Preferences = preferences with { Quiet = quiet.Quiet } }, copy.Text("quietSet", ("quiet", quiet.Quiet!.ToString())), true, true);
            case SettingsChange.PauseFor pause:
                return Paused(schedule, now + pause.Duration, zone);
            case SettingsChange.PauseUntil pauseUntil when StartOfLocalDay(pauseUntil.Date, zone, now) is { } start:
                return Paused(schedule, start, zone);
            case SettingsChange.PauseUntil:
                return new Edit(schedule, copy.Text("pauseHelp"), false, false);
            case SettingsChange.Skip:
                var skipped = schedule.State.CheckInAt is { } planned && planned > now
                    ? planned
                    : CheckInRules.NextCheckIn(personId, schedule, zone, now, calendar) ?? now;
                return new Edit(schedule with { Preferences = preferences with { SkipThrough = skipped, SnoozedUntil = null } }, copy.Text("skipSet"), true, true);
            case SettingsChange.Snooze snooze:
                var until = CheckInRules.OutOfQuiet(now + snooze.Duration, preferences, zone, calendar);
                return new Edit(
                    on with { Preferences = preferences with { SnoozedUntil = until } },
                    copy.Text("snoozeSet", ("until", SchedulingCopy.When(calendar.ToLocal(until, zone), zone))),
                    true,
                    false);
            case SettingsChange.Stop:
                return new Edit(schedule with { Stopped = true }, copy.Text("stopped"), true, false);
            case SettingsChange.Resume:
                return new Edit(
                    on with { Stopped = false, Preferences = preferences with { PausedUntil = null }, State = schedule.State with { Unanswered = 0 } },
                    copy.Text("resumed"),
                    true,
                    true);
            case SettingsChange.KeepGoing:
                return new Edit(schedule with { State = schedule.State with { Unanswered = 0 } }, copy.Text("keepGoing"), true, true);
            case SettingsChange.Invalid invalid:
                return new Edit(schedule, copy.Text(invalid.HelpKey), false, false);
            default:
                return new Edit(schedule, Summary(schedule, zone), false, true);
        }
    }

    private Edit Paused(CheckInSchedule schedule, DateTimeOffset until, string zone) =>
        new(
            schedule with { Preferences = schedule.Preferences with { PausedUntil = until, SnoozedUntil = null } },
            copy.Text("pauseSet", ("until", SchedulingCopy.When(calendar.ToLocal(until, zone), zone))),
            true,
            true);

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
    }
}
